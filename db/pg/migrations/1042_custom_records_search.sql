-- Custom records in the full-text search (SQLite 1042_custom_records_search).
CREATE VIEW custom_records_search_text AS SELECT
    id, tenant_id, object_type, deleted_at,
    coalesce(display, '') AS title,
    coalesce((SELECT string_agg(v #>> '{}', ' ') FROM jsonb_path_query(custom_fields::jsonb, 'strict $.**') v WHERE jsonb_typeof(v) = 'string'), '') AS body
  FROM custom_records
--> statement-breakpoint
CREATE TRIGGER custom_records_search_insert AFTER INSERT ON custom_records FOR EACH ROW EXECUTE FUNCTION search_queue_insert()
--> statement-breakpoint
CREATE TRIGGER custom_records_search_update AFTER UPDATE OF display, custom_fields, deleted_at ON custom_records FOR EACH ROW EXECUTE FUNCTION search_queue_update()
--> statement-breakpoint
CREATE TRIGGER custom_records_search_delete AFTER DELETE ON custom_records FOR EACH ROW EXECUTE FUNCTION search_queue_delete()
--> statement-breakpoint
INSERT INTO search_docs (entity_type, entity_id) SELECT 'custom_records', id FROM custom_records
--> statement-breakpoint
INSERT INTO search_pending (doc_id) SELECT doc_id FROM search_docs WHERE entity_type = 'custom_records' ON CONFLICT DO NOTHING
