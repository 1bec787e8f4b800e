-- conversations, messages and customer identities (SQLite 0900_conversations), by scripts/pg-schema.ts.
CREATE TABLE "conversations" (
  "id" text NOT NULL,
  "tenant_id" text NOT NULL,
  "customer_id" text NOT NULL,
  "status" text NOT NULL,
  "assignee" text,
  "priority" text NOT NULL,
  "channel" text NOT NULL,
  "subject" text,
  "tags" text DEFAULT '[]' NOT NULL,
  "shared_with" text DEFAULT '[]' NOT NULL,
  "archived_at" bigint,
  "last_message_at" bigint,
  "unread_count" bigint DEFAULT 0 NOT NULL,
  "created_at" bigint NOT NULL,
  "updated_at" bigint NOT NULL,
  "deleted_at" bigint,
  "sync_seq" bigint NOT NULL,
  PRIMARY KEY ("id")
);
--> statement-breakpoint
CREATE INDEX "conversations_tenant_created_idx" ON "conversations" ("tenant_id","created_at");
--> statement-breakpoint
CREATE INDEX "conversations_tenant_customer_idx" ON "conversations" ("tenant_id","customer_id");
--> statement-breakpoint
CREATE INDEX "conversations_tenant_seq_idx" ON "conversations" ("tenant_id","sync_seq");
--> statement-breakpoint
CREATE INDEX "conversations_tenant_status_idx" ON "conversations" ("tenant_id","status","created_at");
--> statement-breakpoint
CREATE INDEX "conversations_tenant_updated_idx" ON "conversations" ("tenant_id","updated_at","sync_seq");
--> statement-breakpoint
CREATE TABLE "messages" (
  "id" text NOT NULL,
  "tenant_id" text NOT NULL,
  "conversation_id" text NOT NULL,
  "customer_id" text NOT NULL,
  "author_type" text NOT NULL,
  "author_id" text,
  "body" text NOT NULL,
  "attachments" text DEFAULT '[]' NOT NULL,
  "channel" text NOT NULL,
  "external_id" text,
  "sent_at" bigint NOT NULL,
  "seen_at" bigint,
  "created_at" bigint NOT NULL,
  "updated_at" bigint NOT NULL,
  "deleted_at" bigint,
  "sync_seq" bigint NOT NULL,
  PRIMARY KEY ("id")
);
--> statement-breakpoint
CREATE INDEX "messages_conversation_idx" ON "messages" ("conversation_id","sent_at");
--> statement-breakpoint
CREATE INDEX "messages_tenant_created_idx" ON "messages" ("tenant_id","created_at");
--> statement-breakpoint
CREATE UNIQUE INDEX "messages_tenant_external_idx" ON "messages" ("tenant_id","external_id") WHERE external_id IS NOT NULL;
--> statement-breakpoint
CREATE INDEX "messages_tenant_seq_idx" ON "messages" ("tenant_id","sync_seq");
--> statement-breakpoint
CREATE INDEX "messages_tenant_updated_idx" ON "messages" ("tenant_id","updated_at","sync_seq");
--> statement-breakpoint
CREATE TABLE "customer_identities" (
  "tenant_id" text NOT NULL,
  "external_id" text NOT NULL,
  "contact_id" text NOT NULL,
  "created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE INDEX "customer_identities_contact_idx" ON "customer_identities" ("contact_id");
--> statement-breakpoint
CREATE UNIQUE INDEX "customer_identities_external_idx" ON "customer_identities" ("tenant_id","external_id");
