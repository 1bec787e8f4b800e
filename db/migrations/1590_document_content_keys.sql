-- The key an upload's document_contents rows keep once committed, by the
-- content's SHA-256: a commit inserts this row instead of rekeying the rows
-- (SQLite writes a rekeyed row again whole). Contents without one have
-- their rows under the SHA-256 itself.
CREATE TABLE `document_content_keys` (
	`sha256` text PRIMARY KEY NOT NULL,
	`content_key` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `document_content_keys_key_idx` ON `document_content_keys` (`content_key`);
