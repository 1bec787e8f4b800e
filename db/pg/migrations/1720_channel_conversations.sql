-- Email and SMS conversations: the customer's address, each message's interaction and delivery state (SQLite 1720).
ALTER TABLE "conversations" ADD "customer_address" text;
--> statement-breakpoint
ALTER TABLE "messages" ADD "interaction_id" text;
--> statement-breakpoint
ALTER TABLE "messages" ADD "delivery_status" text;
--> statement-breakpoint
ALTER TABLE "messages" ADD "delivery_detail" text;
--> statement-breakpoint
CREATE INDEX "messages_tenant_interaction_idx" ON "messages" ("tenant_id","interaction_id") WHERE interaction_id IS NOT NULL;
--> statement-breakpoint
CREATE INDEX "interactions_tenant_thread_idx" ON "interactions" ("tenant_id","thread_id");
