-- A message's external id is held by live messages only: a deleted message frees it for a new one.
DROP INDEX `messages_tenant_external_idx`;
--> statement-breakpoint
CREATE UNIQUE INDEX `messages_tenant_external_idx` ON `messages` (`tenant_id`,`external_id`) WHERE external_id IS NOT NULL AND deleted_at IS NULL;
