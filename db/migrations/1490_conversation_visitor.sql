-- The widget visitor (browser session) that opened a conversation, so its proof of identity takes the conversation over.
ALTER TABLE `conversations` ADD `visitor_id` text;
--> statement-breakpoint
CREATE INDEX `conversations_tenant_visitor_idx` ON `conversations` (`tenant_id`,`visitor_id`);
