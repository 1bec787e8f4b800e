-- Each tenant's own email addresses and domains (SQLite 1780_team_email_addresses), by scripts/pg-schema.ts.
CREATE TABLE "team_email_addresses" (
  "tenant_id" text NOT NULL,
  "address" text NOT NULL,
  "position" bigint NOT NULL,
  "created_at" bigint NOT NULL,
  PRIMARY KEY ("tenant_id", "address")
);
