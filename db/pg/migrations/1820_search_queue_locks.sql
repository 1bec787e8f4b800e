-- A write that queues a row already waiting in search_pending takes that
-- queue entry's lock (a no-op update, not DO NOTHING), so an indexer, which
-- claims entries with FOR UPDATE SKIP LOCKED and without the writers' lock,
-- leaves it until the write commits and then indexes the text it wrote; an
-- entry the indexer has claimed makes the write wait for the indexer's
-- commit and then queue the row again (PostgreSQL only: SQLite has one writer).
CREATE OR REPLACE FUNCTION search_queue_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO search_pending (doc_id)
    SELECT doc_id FROM search_docs WHERE entity_type = TG_TABLE_NAME AND entity_id = NEW.id
  ON CONFLICT (doc_id) DO UPDATE SET doc_id = excluded.doc_id;
  RETURN NULL;
END $$
--> statement-breakpoint
CREATE OR REPLACE FUNCTION search_queue_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO search_pending (doc_id)
    SELECT doc_id FROM search_docs WHERE entity_type = TG_TABLE_NAME AND entity_id = OLD.id
  ON CONFLICT (doc_id) DO UPDATE SET doc_id = excluded.doc_id;
  DELETE FROM search_docs WHERE entity_type = TG_TABLE_NAME AND entity_id = OLD.id;
  RETURN NULL;
END $$
