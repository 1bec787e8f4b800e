-- Custom records in the full-text search: title their primary field's
-- value (display), body every text of their values. Indexed under their
-- object's plural, like the built-in types (db/search.ts).
CREATE VIEW `custom_records_search_text` AS SELECT
    id,
    tenant_id,
    object_type,
    deleted_at,
    coalesce(display, '') AS title,
    coalesce((SELECT group_concat(j.value, ' ') FROM json_tree(custom_fields) j WHERE j.type = 'text'), '') AS body
  FROM `custom_records`
--> statement-breakpoint
CREATE TRIGGER `custom_records_search_insert` AFTER INSERT ON `custom_records` BEGIN
  INSERT INTO search_docs (entity_type, entity_id) VALUES ('custom_records', new.id);
  INSERT OR IGNORE INTO search_pending (doc_id) VALUES (last_insert_rowid());
END
--> statement-breakpoint
CREATE TRIGGER `custom_records_search_update` AFTER UPDATE OF `display`, `custom_fields`, `deleted_at` ON `custom_records` BEGIN
  INSERT OR IGNORE INTO search_pending (doc_id)
    SELECT doc_id FROM search_docs WHERE entity_type = 'custom_records' AND entity_id = new.id;
END
--> statement-breakpoint
CREATE TRIGGER `custom_records_search_delete` AFTER DELETE ON `custom_records` BEGIN
  INSERT OR IGNORE INTO search_pending (doc_id)
    SELECT doc_id FROM search_docs WHERE entity_type = 'custom_records' AND entity_id = old.id;
  DELETE FROM search_docs WHERE entity_type = 'custom_records' AND entity_id = old.id;
END
--> statement-breakpoint
INSERT INTO search_docs (entity_type, entity_id) SELECT 'custom_records', id FROM `custom_records`
--> statement-breakpoint
INSERT OR IGNORE INTO search_pending (doc_id) SELECT doc_id FROM search_docs WHERE entity_type = 'custom_records'
