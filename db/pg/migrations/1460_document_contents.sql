-- Uploaded bytes kept in the database (SQLite 1460_document_contents).
-- bytea values past 2 kB are stored out of line (TOAST), so committing a
-- staged upload (a new content_key) does not copy its bytes.
CREATE TABLE "document_contents" (
  "content_key" text NOT NULL,
  "start_byte" bigint NOT NULL,
  "data" bytea NOT NULL,
  "created_at" bigint NOT NULL,
  PRIMARY KEY ("content_key", "start_byte")
);
