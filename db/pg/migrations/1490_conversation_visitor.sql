-- The widget visitor (browser session) that opened a conversation (SQLite 1490).
ALTER TABLE "conversations" ADD "visitor_id" text;
--> statement-breakpoint
CREATE INDEX "conversations_tenant_visitor_idx" ON "conversations" ("tenant_id","visitor_id");
