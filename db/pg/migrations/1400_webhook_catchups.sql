-- Events a webhook still owes deliveries for since it became inactive (SQLite 1400_webhook_catchups).
CREATE TABLE "webhook_catchups" (
  "webhook_id" text NOT NULL,
  "tenant_id" text NOT NULL,
  "events" text NOT NULL,
  "after_seq" bigint NOT NULL,
  "through_seq" bigint NOT NULL,
  "created_at" bigint NOT NULL,
  PRIMARY KEY ("webhook_id", "through_seq")
);
