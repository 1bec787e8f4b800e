-- The key an upload's document_contents rows keep once committed (SQLite 1590_document_content_keys).
CREATE TABLE "document_content_keys" (
  "sha256" text PRIMARY KEY NOT NULL,
  "content_key" text NOT NULL,
  "created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE INDEX "document_content_keys_key_idx" ON "document_content_keys" ("content_key");
