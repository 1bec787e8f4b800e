-- The deals a write batch creates reach PostgreSQL as one multi-row INSERT
-- (db/pg/pipeline.ts). Their search queue entries and their open value are
-- now added once per statement, from the statement's new rows, as the row
-- triggers added them one row at a time: one upsert of the tenant's totals
-- a batch instead of one a deal. Same trigger names as SQLite's.
CREATE FUNCTION search_queue_insert_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  WITH queued AS (
    INSERT INTO search_docs (entity_type, entity_id)
    SELECT TG_TABLE_NAME, id FROM new_rows
    RETURNING doc_id
  )
  INSERT INTO search_pending (doc_id) SELECT doc_id FROM queued ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$
--> statement-breakpoint
CREATE FUNCTION deal_totals_insert_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO tenant_deal_totals (tenant_id, open_value)
  SELECT tenant_id, sum(value) FROM new_rows
  WHERE status = 'open' AND deleted_at IS NULL
  GROUP BY tenant_id
  ON CONFLICT (tenant_id) DO UPDATE SET open_value = tenant_deal_totals.open_value + excluded.open_value;
  RETURN NULL;
END $$
--> statement-breakpoint
DROP TRIGGER deals_search_insert ON deals
--> statement-breakpoint
CREATE TRIGGER deals_search_insert AFTER INSERT ON deals REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_queue_insert_rows()
--> statement-breakpoint
DROP TRIGGER deals_totals_insert ON deals
--> statement-breakpoint
CREATE TRIGGER deals_totals_insert AFTER INSERT ON deals REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION deal_totals_insert_rows()
