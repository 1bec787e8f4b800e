-- Full-text indexing leaves the writing transaction. FTS5 writes a new index
-- segment at every savepoint it takes part in, and every API write runs in a
-- savepoint of a group commit (db/group-commit.ts): inline indexing cost a
-- deal insert ~165 µs of its ~250. The triggers now only queue the row's
-- doc_id; db/search.ts indexes the queue in batches, in the background and
-- before every search, so a search still sees every committed write.
CREATE TABLE `search_pending` (
	`doc_id` integer PRIMARY KEY
)
--> statement-breakpoint
DROP TRIGGER `contacts_search_insert`
--> statement-breakpoint
DROP TRIGGER `contacts_search_update`
--> statement-breakpoint
DROP TRIGGER `contacts_search_delete`
--> statement-breakpoint
CREATE TRIGGER `contacts_search_insert` AFTER INSERT ON `contacts` BEGIN
  INSERT INTO search_docs (entity_type, entity_id) VALUES ('contacts', new.id);
  INSERT OR IGNORE INTO search_pending (doc_id) VALUES (last_insert_rowid());
END
--> statement-breakpoint
CREATE TRIGGER `contacts_search_update` AFTER UPDATE OF `first_name`, `last_name`, `emails`, `phones`, `deleted_at` ON `contacts` BEGIN
  INSERT OR IGNORE INTO search_pending (doc_id)
    SELECT doc_id FROM search_docs WHERE entity_type = 'contacts' AND entity_id = new.id;
END
--> statement-breakpoint
CREATE TRIGGER `contacts_search_delete` AFTER DELETE ON `contacts` BEGIN
  INSERT OR IGNORE INTO search_pending (doc_id)
    SELECT doc_id FROM search_docs WHERE entity_type = 'contacts' AND entity_id = old.id;
  DELETE FROM search_docs WHERE entity_type = 'contacts' AND entity_id = old.id;
END
--> statement-breakpoint
DROP TRIGGER `companies_search_insert`
--> statement-breakpoint
DROP TRIGGER `companies_search_update`
--> statement-breakpoint
DROP TRIGGER `companies_search_delete`
--> statement-breakpoint
CREATE TRIGGER `companies_search_insert` AFTER INSERT ON `companies` BEGIN
  INSERT INTO search_docs (entity_type, entity_id) VALUES ('companies', new.id);
  INSERT OR IGNORE INTO search_pending (doc_id) VALUES (last_insert_rowid());
END
--> statement-breakpoint
CREATE TRIGGER `companies_search_update` AFTER UPDATE OF `name`, `website`, `domain`, `phone`, `deleted_at` ON `companies` BEGIN
  INSERT OR IGNORE INTO search_pending (doc_id)
    SELECT doc_id FROM search_docs WHERE entity_type = 'companies' AND entity_id = new.id;
END
--> statement-breakpoint
CREATE TRIGGER `companies_search_delete` AFTER DELETE ON `companies` BEGIN
  INSERT OR IGNORE INTO search_pending (doc_id)
    SELECT doc_id FROM search_docs WHERE entity_type = 'companies' AND entity_id = old.id;
  DELETE FROM search_docs WHERE entity_type = 'companies' AND entity_id = old.id;
END
--> statement-breakpoint
DROP TRIGGER `deals_search_insert`
--> statement-breakpoint
DROP TRIGGER `deals_search_update`
--> statement-breakpoint
DROP TRIGGER `deals_search_delete`
--> statement-breakpoint
CREATE TRIGGER `deals_search_insert` AFTER INSERT ON `deals` BEGIN
  INSERT INTO search_docs (entity_type, entity_id) VALUES ('deals', new.id);
  INSERT OR IGNORE INTO search_pending (doc_id) VALUES (last_insert_rowid());
END
--> statement-breakpoint
CREATE TRIGGER `deals_search_update` AFTER UPDATE OF `title`, `description`, `deleted_at` ON `deals` BEGIN
  INSERT OR IGNORE INTO search_pending (doc_id)
    SELECT doc_id FROM search_docs WHERE entity_type = 'deals' AND entity_id = new.id;
END
--> statement-breakpoint
CREATE TRIGGER `deals_search_delete` AFTER DELETE ON `deals` BEGIN
  INSERT OR IGNORE INTO search_pending (doc_id)
    SELECT doc_id FROM search_docs WHERE entity_type = 'deals' AND entity_id = old.id;
  DELETE FROM search_docs WHERE entity_type = 'deals' AND entity_id = old.id;
END
--> statement-breakpoint
DROP TRIGGER `leads_search_insert`
--> statement-breakpoint
DROP TRIGGER `leads_search_update`
--> statement-breakpoint
DROP TRIGGER `leads_search_delete`
--> statement-breakpoint
CREATE TRIGGER `leads_search_insert` AFTER INSERT ON `leads` BEGIN
  INSERT INTO search_docs (entity_type, entity_id) VALUES ('leads', new.id);
  INSERT OR IGNORE INTO search_pending (doc_id) VALUES (last_insert_rowid());
END
--> statement-breakpoint
CREATE TRIGGER `leads_search_update` AFTER UPDATE OF `name`, `email`, `phone`, `company_name`, `deleted_at` ON `leads` BEGIN
  INSERT OR IGNORE INTO search_pending (doc_id)
    SELECT doc_id FROM search_docs WHERE entity_type = 'leads' AND entity_id = new.id;
END
--> statement-breakpoint
CREATE TRIGGER `leads_search_delete` AFTER DELETE ON `leads` BEGIN
  INSERT OR IGNORE INTO search_pending (doc_id)
    SELECT doc_id FROM search_docs WHERE entity_type = 'leads' AND entity_id = old.id;
  DELETE FROM search_docs WHERE entity_type = 'leads' AND entity_id = old.id;
END
--> statement-breakpoint
DROP TRIGGER `notes_search_insert`
--> statement-breakpoint
DROP TRIGGER `notes_search_update`
--> statement-breakpoint
DROP TRIGGER `notes_search_delete`
--> statement-breakpoint
CREATE TRIGGER `notes_search_insert` AFTER INSERT ON `notes` BEGIN
  INSERT INTO search_docs (entity_type, entity_id) VALUES ('notes', new.id);
  INSERT OR IGNORE INTO search_pending (doc_id) VALUES (last_insert_rowid());
END
--> statement-breakpoint
CREATE TRIGGER `notes_search_update` AFTER UPDATE OF `text`, `deleted_at` ON `notes` BEGIN
  INSERT OR IGNORE INTO search_pending (doc_id)
    SELECT doc_id FROM search_docs WHERE entity_type = 'notes' AND entity_id = new.id;
END
--> statement-breakpoint
CREATE TRIGGER `notes_search_delete` AFTER DELETE ON `notes` BEGIN
  INSERT OR IGNORE INTO search_pending (doc_id)
    SELECT doc_id FROM search_docs WHERE entity_type = 'notes' AND entity_id = old.id;
  DELETE FROM search_docs WHERE entity_type = 'notes' AND entity_id = old.id;
END
