-- MLS properties in the full-text search: title their title (else their MLS
-- number), body their MLS number, address, listing agent and description.
CREATE VIEW `properties_search_text` AS SELECT
    id,
    tenant_id,
    deleted_at,
    coalesce(title, mls_number, '') AS title,
    coalesce(mls_number, '') || ' ' || coalesce(json_extract(address, '$.street'), '') || ' ' ||
      coalesce(json_extract(address, '$.city'), '') || ' ' || coalesce(json_extract(address, '$.postcode'), '') || ' ' ||
      coalesce(json_extract(address, '$.region'), '') || ' ' || coalesce(json_extract(address, '$.country'), '') || ' ' ||
      coalesce(listing_agent, '') || ' ' || coalesce(description, '') AS body
  FROM `properties`
--> statement-breakpoint
CREATE TRIGGER `properties_search_insert` AFTER INSERT ON `properties` BEGIN
  INSERT INTO search_docs (entity_type, entity_id) VALUES ('properties', new.id);
  INSERT OR IGNORE INTO search_pending (doc_id) VALUES (last_insert_rowid());
END
--> statement-breakpoint
CREATE TRIGGER `properties_search_update` AFTER UPDATE OF `title`, `mls_number`, `address`, `listing_agent`, `description`, `deleted_at` ON `properties` BEGIN
  INSERT OR IGNORE INTO search_pending (doc_id)
    SELECT doc_id FROM search_docs WHERE entity_type = 'properties' AND entity_id = new.id;
END
--> statement-breakpoint
CREATE TRIGGER `properties_search_delete` AFTER DELETE ON `properties` BEGIN
  INSERT OR IGNORE INTO search_pending (doc_id)
    SELECT doc_id FROM search_docs WHERE entity_type = 'properties' AND entity_id = old.id;
  DELETE FROM search_docs WHERE entity_type = 'properties' AND entity_id = old.id;
END
--> statement-breakpoint
INSERT INTO search_docs (entity_type, entity_id) SELECT 'properties', id FROM `properties`
--> statement-breakpoint
INSERT OR IGNORE INTO search_pending (doc_id) SELECT doc_id FROM search_docs WHERE entity_type = 'properties'
