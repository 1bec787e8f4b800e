-- The SMS sender numbers recorded for each tenant (SQLite 1381_tenant_sms_numbers).
CREATE TABLE "tenant_sms_numbers" (
  "number" text NOT NULL,
  "tenant_id" text NOT NULL,
  "position" bigint NOT NULL,
  "created_at" bigint NOT NULL,
  PRIMARY KEY ("number"),
  FOREIGN KEY ("tenant_id") REFERENCES "tenants" ("id")
);
--> statement-breakpoint
CREATE INDEX "tenant_sms_numbers_tenant_idx" ON "tenant_sms_numbers" ("tenant_id", "position");
