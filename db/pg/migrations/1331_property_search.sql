-- MLS properties in the full-text search (SQLite 1331_property_search).
CREATE VIEW properties_search_text AS SELECT
    id, tenant_id, deleted_at,
    coalesce(title, mls_number, '') AS title,
    concat_ws(' ', mls_number, address::jsonb ->> 'street', address::jsonb ->> 'city', address::jsonb ->> 'postcode',
      address::jsonb ->> 'region', address::jsonb ->> 'country', listing_agent, description) AS body
  FROM properties
--> statement-breakpoint
CREATE TRIGGER properties_search_insert AFTER INSERT ON properties FOR EACH ROW EXECUTE FUNCTION search_queue_insert()
--> statement-breakpoint
CREATE TRIGGER properties_search_update AFTER UPDATE OF title, mls_number, address, listing_agent, description, deleted_at ON properties FOR EACH ROW EXECUTE FUNCTION search_queue_update()
--> statement-breakpoint
CREATE TRIGGER properties_search_delete AFTER DELETE ON properties FOR EACH ROW EXECUTE FUNCTION search_queue_delete()
--> statement-breakpoint
INSERT INTO search_docs (entity_type, entity_id) SELECT 'properties', id FROM properties
--> statement-breakpoint
INSERT INTO search_pending (doc_id) SELECT doc_id FROM search_docs WHERE entity_type = 'properties' ON CONFLICT DO NOTHING
