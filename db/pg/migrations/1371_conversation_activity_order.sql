-- The inbox lists conversations by latest activity (SQLite 1371_conversation_activity_order).
CREATE INDEX "conversations_tenant_activity_idx" ON "conversations" ("tenant_id",coalesce("last_message_at","created_at"),"id");
