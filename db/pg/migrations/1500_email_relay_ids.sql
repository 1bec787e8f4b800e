-- Every id a relay gave an email, one per part it took (SQLite 1500_email_relay_ids).
CREATE TABLE "email_relay_ids" (
  "tenant_id" text NOT NULL,
  "relay_id" text NOT NULL,
  "interaction_id" text NOT NULL,
  PRIMARY KEY ("tenant_id", "relay_id", "interaction_id")
);
