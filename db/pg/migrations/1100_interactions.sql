-- The interactions log (SQLite 1100_interactions), by scripts/pg-schema.ts.
CREATE TABLE "interactions" (
  "id" text NOT NULL,
  "tenant_id" text NOT NULL,
  "type" text NOT NULL,
  "direction" text NOT NULL,
  "status" text NOT NULL,
  "contact_id" text,
  "company_id" text,
  "deal_id" text,
  "from_address" text,
  "to_addresses" text DEFAULT '[]' NOT NULL,
  "cc_addresses" text DEFAULT '[]' NOT NULL,
  "bcc_addresses" text DEFAULT '[]' NOT NULL,
  "reply_to" text,
  "subject" text,
  "body_text" text,
  "body_html" text,
  "message_id" text,
  "in_reply_to" text,
  "references" text DEFAULT '[]' NOT NULL,
  "thread_id" text,
  "attachments" text DEFAULT '[]' NOT NULL,
  "provider_id" text,
  "provider_response" text,
  "attempts" bigint DEFAULT 0 NOT NULL,
  "next_attempt_at" bigint,
  "lease_until" bigint,
  "occurred_at" bigint NOT NULL,
  "sent_at" bigint,
  "ended_at" bigint,
  "duration_seconds" bigint,
  "outcome" text,
  "recording_url" text,
  "created_at" bigint NOT NULL,
  "updated_at" bigint NOT NULL,
  "deleted_at" bigint,
  "sync_seq" bigint NOT NULL,
  PRIMARY KEY ("id")
);
--> statement-breakpoint
CREATE INDEX "interactions_due_idx" ON "interactions" ("status","next_attempt_at");
--> statement-breakpoint
CREATE INDEX "interactions_provider_idx" ON "interactions" ("provider_id");
--> statement-breakpoint
CREATE INDEX "interactions_tenant_company_idx" ON "interactions" ("tenant_id","company_id","occurred_at");
--> statement-breakpoint
CREATE INDEX "interactions_tenant_contact_idx" ON "interactions" ("tenant_id","contact_id","occurred_at");
--> statement-breakpoint
CREATE INDEX "interactions_tenant_created_idx" ON "interactions" ("tenant_id","created_at");
--> statement-breakpoint
CREATE INDEX "interactions_tenant_deal_idx" ON "interactions" ("tenant_id","deal_id","occurred_at");
--> statement-breakpoint
CREATE INDEX "interactions_tenant_message_idx" ON "interactions" ("tenant_id","message_id");
--> statement-breakpoint
CREATE INDEX "interactions_tenant_occurred_idx" ON "interactions" ("tenant_id","occurred_at");
--> statement-breakpoint
CREATE INDEX "interactions_tenant_seq_idx" ON "interactions" ("tenant_id","sync_seq");
--> statement-breakpoint
CREATE INDEX "interactions_tenant_updated_idx" ON "interactions" ("tenant_id","updated_at","sync_seq");
