CREATE TABLE `contact_emails` (
	`contact_id` text NOT NULL,
	`tenant_id` text NOT NULL,
	`email` text NOT NULL,
	PRIMARY KEY(`contact_id`, `email`)
);
--> statement-breakpoint
CREATE INDEX `contact_emails_tenant_email_idx` ON `contact_emails` (`tenant_id`,`email`);
--> statement-breakpoint
CREATE TABLE `notes` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`entity_type` text NOT NULL,
	`entity_id` text NOT NULL,
	`text` text NOT NULL,
	`status` text,
	`attachments` text DEFAULT '[]' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`deleted_at` integer,
	`sync_seq` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `notes_tenant_entity_idx` ON `notes` (`tenant_id`,`entity_type`,`entity_id`,`created_at`);
--> statement-breakpoint
CREATE INDEX `notes_tenant_created_idx` ON `notes` (`tenant_id`,`created_at`);
--> statement-breakpoint
CREATE INDEX `notes_tenant_seq_idx` ON `notes` (`tenant_id`,`sync_seq`);
--> statement-breakpoint
CREATE INDEX `notes_tenant_updated_idx` ON `notes` (`tenant_id`,`updated_at`);
--> statement-breakpoint
-- Existing contacts' emails, for the indexed `email` filter.
INSERT OR IGNORE INTO `contact_emails` (`contact_id`, `tenant_id`, `email`)
  SELECT c.id, c.tenant_id, lower(trim(e.value ->> 'email'))
  FROM `contacts` c, json_each(c.emails) e
  WHERE e.value ->> 'email' IS NOT NULL;
--> statement-breakpoint
-- Full-text search (SQLite FTS5): one index over contacts, companies, deals,
-- leads and notes, kept in step by triggers inside the writing transaction.
-- search_docs gives every indexed row a stable integer key (the FTS rowid),
-- so an update or delete touches its own FTS row without scanning the index.
CREATE TABLE `search_docs` (
	`doc_id` integer PRIMARY KEY,
	`entity_type` text NOT NULL,
	`entity_id` text NOT NULL
)
--> statement-breakpoint
CREATE UNIQUE INDEX `search_docs_entity_idx` ON `search_docs` (`entity_type`,`entity_id`)
--> statement-breakpoint
CREATE VIRTUAL TABLE `search_index` USING fts5(
	tenant_id UNINDEXED,
	entity_type UNINDEXED,
	entity_id UNINDEXED,
	title,
	body,
	tokenize = 'unicode61 remove_diacritics 2',
	prefix = '2 3'
)
--> statement-breakpoint
-- What of a contact is searchable: title (ranked higher) and body.
CREATE VIEW `contacts_search_text` AS SELECT
    id,
    tenant_id,
    deleted_at,
    coalesce(nullif(trim(coalesce(first_name, '') || ' ' || coalesce(last_name, '')), ''), primary_email, '') AS title,
    coalesce((SELECT group_concat(value ->> 'email', ' ') FROM json_each(emails)), '') || ' ' ||
    coalesce((SELECT group_concat(coalesce((value ->> 'number') || ' ' || replace(replace(replace(replace(replace(replace((value ->> 'number'), ' ', ''), '-', ''), '(', ''), ')', ''), '.', ''), '+', ''), ''), ' ') FROM json_each(phones)), '') AS body
  FROM `contacts`
--> statement-breakpoint
CREATE TRIGGER `contacts_search_insert` AFTER INSERT ON `contacts` BEGIN
  INSERT INTO search_docs (entity_type, entity_id) VALUES ('contacts', new.id);
  INSERT INTO search_index (rowid, tenant_id, entity_type, entity_id, title, body)
    SELECT d.doc_id, v.tenant_id, 'contacts', v.id, v.title, v.body
    FROM `contacts_search_text` v JOIN search_docs d ON d.entity_type = 'contacts' AND d.entity_id = v.id
    WHERE v.id = new.id AND v.deleted_at IS NULL;
END
--> statement-breakpoint
-- A soft delete (deleted_at set) drops the row from the index.
CREATE TRIGGER `contacts_search_update` AFTER UPDATE OF `first_name`, `last_name`, `emails`, `phones`, `deleted_at` ON `contacts` BEGIN
  DELETE FROM search_index
    WHERE rowid = (SELECT doc_id FROM search_docs WHERE entity_type = 'contacts' AND entity_id = old.id);
  INSERT INTO search_index (rowid, tenant_id, entity_type, entity_id, title, body)
    SELECT d.doc_id, v.tenant_id, 'contacts', v.id, v.title, v.body
    FROM `contacts_search_text` v JOIN search_docs d ON d.entity_type = 'contacts' AND d.entity_id = v.id
    WHERE v.id = new.id AND v.deleted_at IS NULL;
END
--> statement-breakpoint
CREATE TRIGGER `contacts_search_delete` AFTER DELETE ON `contacts` BEGIN
  DELETE FROM search_index
    WHERE rowid = (SELECT doc_id FROM search_docs WHERE entity_type = 'contacts' AND entity_id = old.id);
  DELETE FROM search_docs WHERE entity_type = 'contacts' AND entity_id = old.id;
END
--> statement-breakpoint
INSERT INTO search_docs (entity_type, entity_id) SELECT 'contacts', id FROM `contacts`
--> statement-breakpoint
INSERT INTO search_index (rowid, tenant_id, entity_type, entity_id, title, body)
  SELECT d.doc_id, v.tenant_id, 'contacts', v.id, v.title, v.body
  FROM `contacts_search_text` v JOIN search_docs d ON d.entity_type = 'contacts' AND d.entity_id = v.id
  WHERE v.deleted_at IS NULL
--> statement-breakpoint
-- What of a company is searchable: title (ranked higher) and body.
CREATE VIEW `companies_search_text` AS SELECT
    id,
    tenant_id,
    deleted_at,
    name AS title,
    coalesce(domain, '') || ' ' || coalesce(phone || ' ' || replace(replace(replace(replace(replace(replace(phone, ' ', ''), '-', ''), '(', ''), ')', ''), '.', ''), '+', ''), '') AS body
  FROM `companies`
--> statement-breakpoint
CREATE TRIGGER `companies_search_insert` AFTER INSERT ON `companies` BEGIN
  INSERT INTO search_docs (entity_type, entity_id) VALUES ('companies', new.id);
  INSERT INTO search_index (rowid, tenant_id, entity_type, entity_id, title, body)
    SELECT d.doc_id, v.tenant_id, 'companies', v.id, v.title, v.body
    FROM `companies_search_text` v JOIN search_docs d ON d.entity_type = 'companies' AND d.entity_id = v.id
    WHERE v.id = new.id AND v.deleted_at IS NULL;
END
--> statement-breakpoint
-- A soft delete (deleted_at set) drops the row from the index.
CREATE TRIGGER `companies_search_update` AFTER UPDATE OF `name`, `website`, `domain`, `phone`, `deleted_at` ON `companies` BEGIN
  DELETE FROM search_index
    WHERE rowid = (SELECT doc_id FROM search_docs WHERE entity_type = 'companies' AND entity_id = old.id);
  INSERT INTO search_index (rowid, tenant_id, entity_type, entity_id, title, body)
    SELECT d.doc_id, v.tenant_id, 'companies', v.id, v.title, v.body
    FROM `companies_search_text` v JOIN search_docs d ON d.entity_type = 'companies' AND d.entity_id = v.id
    WHERE v.id = new.id AND v.deleted_at IS NULL;
END
--> statement-breakpoint
CREATE TRIGGER `companies_search_delete` AFTER DELETE ON `companies` BEGIN
  DELETE FROM search_index
    WHERE rowid = (SELECT doc_id FROM search_docs WHERE entity_type = 'companies' AND entity_id = old.id);
  DELETE FROM search_docs WHERE entity_type = 'companies' AND entity_id = old.id;
END
--> statement-breakpoint
INSERT INTO search_docs (entity_type, entity_id) SELECT 'companies', id FROM `companies`
--> statement-breakpoint
INSERT INTO search_index (rowid, tenant_id, entity_type, entity_id, title, body)
  SELECT d.doc_id, v.tenant_id, 'companies', v.id, v.title, v.body
  FROM `companies_search_text` v JOIN search_docs d ON d.entity_type = 'companies' AND d.entity_id = v.id
  WHERE v.deleted_at IS NULL
--> statement-breakpoint
-- What of a deal is searchable: title (ranked higher) and body.
CREATE VIEW `deals_search_text` AS SELECT
    id,
    tenant_id,
    deleted_at,
    title AS title,
    coalesce(description, '') AS body
  FROM `deals`
--> statement-breakpoint
CREATE TRIGGER `deals_search_insert` AFTER INSERT ON `deals` BEGIN
  INSERT INTO search_docs (entity_type, entity_id) VALUES ('deals', new.id);
  INSERT INTO search_index (rowid, tenant_id, entity_type, entity_id, title, body)
    SELECT d.doc_id, v.tenant_id, 'deals', v.id, v.title, v.body
    FROM `deals_search_text` v JOIN search_docs d ON d.entity_type = 'deals' AND d.entity_id = v.id
    WHERE v.id = new.id AND v.deleted_at IS NULL;
END
--> statement-breakpoint
-- A soft delete (deleted_at set) drops the row from the index.
CREATE TRIGGER `deals_search_update` AFTER UPDATE OF `title`, `description`, `deleted_at` ON `deals` BEGIN
  DELETE FROM search_index
    WHERE rowid = (SELECT doc_id FROM search_docs WHERE entity_type = 'deals' AND entity_id = old.id);
  INSERT INTO search_index (rowid, tenant_id, entity_type, entity_id, title, body)
    SELECT d.doc_id, v.tenant_id, 'deals', v.id, v.title, v.body
    FROM `deals_search_text` v JOIN search_docs d ON d.entity_type = 'deals' AND d.entity_id = v.id
    WHERE v.id = new.id AND v.deleted_at IS NULL;
END
--> statement-breakpoint
CREATE TRIGGER `deals_search_delete` AFTER DELETE ON `deals` BEGIN
  DELETE FROM search_index
    WHERE rowid = (SELECT doc_id FROM search_docs WHERE entity_type = 'deals' AND entity_id = old.id);
  DELETE FROM search_docs WHERE entity_type = 'deals' AND entity_id = old.id;
END
--> statement-breakpoint
INSERT INTO search_docs (entity_type, entity_id) SELECT 'deals', id FROM `deals`
--> statement-breakpoint
INSERT INTO search_index (rowid, tenant_id, entity_type, entity_id, title, body)
  SELECT d.doc_id, v.tenant_id, 'deals', v.id, v.title, v.body
  FROM `deals_search_text` v JOIN search_docs d ON d.entity_type = 'deals' AND d.entity_id = v.id
  WHERE v.deleted_at IS NULL
--> statement-breakpoint
-- What of a lead is searchable: title (ranked higher) and body.
CREATE VIEW `leads_search_text` AS SELECT
    id,
    tenant_id,
    deleted_at,
    name AS title,
    coalesce(email, '') || ' ' || coalesce(phone || ' ' || replace(replace(replace(replace(replace(replace(phone, ' ', ''), '-', ''), '(', ''), ')', ''), '.', ''), '+', ''), '') || ' ' || coalesce(company_name, '') AS body
  FROM `leads`
--> statement-breakpoint
CREATE TRIGGER `leads_search_insert` AFTER INSERT ON `leads` BEGIN
  INSERT INTO search_docs (entity_type, entity_id) VALUES ('leads', new.id);
  INSERT INTO search_index (rowid, tenant_id, entity_type, entity_id, title, body)
    SELECT d.doc_id, v.tenant_id, 'leads', v.id, v.title, v.body
    FROM `leads_search_text` v JOIN search_docs d ON d.entity_type = 'leads' AND d.entity_id = v.id
    WHERE v.id = new.id AND v.deleted_at IS NULL;
END
--> statement-breakpoint
-- A soft delete (deleted_at set) drops the row from the index.
CREATE TRIGGER `leads_search_update` AFTER UPDATE OF `name`, `email`, `phone`, `company_name`, `deleted_at` ON `leads` BEGIN
  DELETE FROM search_index
    WHERE rowid = (SELECT doc_id FROM search_docs WHERE entity_type = 'leads' AND entity_id = old.id);
  INSERT INTO search_index (rowid, tenant_id, entity_type, entity_id, title, body)
    SELECT d.doc_id, v.tenant_id, 'leads', v.id, v.title, v.body
    FROM `leads_search_text` v JOIN search_docs d ON d.entity_type = 'leads' AND d.entity_id = v.id
    WHERE v.id = new.id AND v.deleted_at IS NULL;
END
--> statement-breakpoint
CREATE TRIGGER `leads_search_delete` AFTER DELETE ON `leads` BEGIN
  DELETE FROM search_index
    WHERE rowid = (SELECT doc_id FROM search_docs WHERE entity_type = 'leads' AND entity_id = old.id);
  DELETE FROM search_docs WHERE entity_type = 'leads' AND entity_id = old.id;
END
--> statement-breakpoint
INSERT INTO search_docs (entity_type, entity_id) SELECT 'leads', id FROM `leads`
--> statement-breakpoint
INSERT INTO search_index (rowid, tenant_id, entity_type, entity_id, title, body)
  SELECT d.doc_id, v.tenant_id, 'leads', v.id, v.title, v.body
  FROM `leads_search_text` v JOIN search_docs d ON d.entity_type = 'leads' AND d.entity_id = v.id
  WHERE v.deleted_at IS NULL
--> statement-breakpoint
-- What of a note is searchable: title (ranked higher) and body.
CREATE VIEW `notes_search_text` AS SELECT
    id,
    tenant_id,
    deleted_at,
    '' AS title,
    text AS body
  FROM `notes`
--> statement-breakpoint
CREATE TRIGGER `notes_search_insert` AFTER INSERT ON `notes` BEGIN
  INSERT INTO search_docs (entity_type, entity_id) VALUES ('notes', new.id);
  INSERT INTO search_index (rowid, tenant_id, entity_type, entity_id, title, body)
    SELECT d.doc_id, v.tenant_id, 'notes', v.id, v.title, v.body
    FROM `notes_search_text` v JOIN search_docs d ON d.entity_type = 'notes' AND d.entity_id = v.id
    WHERE v.id = new.id AND v.deleted_at IS NULL;
END
--> statement-breakpoint
-- A soft delete (deleted_at set) drops the row from the index.
CREATE TRIGGER `notes_search_update` AFTER UPDATE OF `text`, `deleted_at` ON `notes` BEGIN
  DELETE FROM search_index
    WHERE rowid = (SELECT doc_id FROM search_docs WHERE entity_type = 'notes' AND entity_id = old.id);
  INSERT INTO search_index (rowid, tenant_id, entity_type, entity_id, title, body)
    SELECT d.doc_id, v.tenant_id, 'notes', v.id, v.title, v.body
    FROM `notes_search_text` v JOIN search_docs d ON d.entity_type = 'notes' AND d.entity_id = v.id
    WHERE v.id = new.id AND v.deleted_at IS NULL;
END
--> statement-breakpoint
CREATE TRIGGER `notes_search_delete` AFTER DELETE ON `notes` BEGIN
  DELETE FROM search_index
    WHERE rowid = (SELECT doc_id FROM search_docs WHERE entity_type = 'notes' AND entity_id = old.id);
  DELETE FROM search_docs WHERE entity_type = 'notes' AND entity_id = old.id;
END
