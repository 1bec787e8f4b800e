-- Uploaded bytes kept in the database (CRMD_DOCUMENTS_STORE=database): rows
-- of up to 256 KiB by start byte, keyed by the content's SHA-256, or by
-- `staged:<id>` while an upload is written.
CREATE TABLE `document_contents` (
	`content_key` text NOT NULL,
	`start_byte` integer NOT NULL,
	`data` blob NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`content_key`, `start_byte`)
);
