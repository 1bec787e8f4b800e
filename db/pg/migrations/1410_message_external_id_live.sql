-- A message's external id is held by live messages only (SQLite 1410_message_external_id_live).
DROP INDEX "messages_tenant_external_idx";
--> statement-breakpoint
CREATE UNIQUE INDEX "messages_tenant_external_idx" ON "messages" ("tenant_id","external_id") WHERE external_id IS NOT NULL AND deleted_at IS NULL;
