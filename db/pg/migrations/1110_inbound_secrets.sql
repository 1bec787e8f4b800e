-- Inbound e-mail secrets (SQLite 1110_inbound_secrets), by scripts/pg-schema.ts.
CREATE TABLE "inbound_secrets" (
  "tenant_id" text NOT NULL,
  "secret_hash" text NOT NULL,
  "created_at" bigint NOT NULL,
  PRIMARY KEY ("tenant_id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "inbound_secrets_hash_idx" ON "inbound_secrets" ("secret_hash");
