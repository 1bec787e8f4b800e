-- Messages are listed by when they were sent, ties by id (imported email and SMS carry their own sent_at).
DROP INDEX `messages_tenant_created_idx`;
--> statement-breakpoint
DROP INDEX `messages_conversation_idx`;
--> statement-breakpoint
CREATE INDEX `messages_tenant_sent_idx` ON `messages` (`tenant_id`,`sent_at`,`id`);
--> statement-breakpoint
CREATE INDEX `messages_conversation_sent_idx` ON `messages` (`tenant_id`,`conversation_id`,`sent_at`,`id`);
