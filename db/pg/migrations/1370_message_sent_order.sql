-- Messages are listed by when they were sent, ties by id (SQLite 1370_message_sent_order).
DROP INDEX "messages_tenant_created_idx";
--> statement-breakpoint
DROP INDEX "messages_conversation_idx";
--> statement-breakpoint
CREATE INDEX "messages_tenant_sent_idx" ON "messages" ("tenant_id","sent_at","id");
--> statement-breakpoint
CREATE INDEX "messages_conversation_sent_idx" ON "messages" ("tenant_id","conversation_id","sent_at","id");
