-- Widget keys (SQLite 0901_widget_keys), by scripts/pg-schema.ts.
CREATE TABLE "widget_keys" (
  "id" text NOT NULL,
  "tenant_id" text NOT NULL,
  "name" text NOT NULL,
  "key_hash" text NOT NULL,
  "key_prefix" text NOT NULL,
  "allowed_origins" text NOT NULL,
  "settings" text NOT NULL,
  "visitor_rate_limit" bigint,
  "token_secret" text NOT NULL,
  "revoked_at" bigint,
  "created_at" bigint NOT NULL,
  "updated_at" bigint NOT NULL,
  PRIMARY KEY ("id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "widget_keys_hash_idx" ON "widget_keys" ("key_hash");
--> statement-breakpoint
CREATE INDEX "widget_keys_tenant_idx" ON "widget_keys" ("tenant_id","created_at");
