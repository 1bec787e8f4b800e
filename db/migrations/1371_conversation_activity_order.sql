-- The inbox lists conversations by latest activity: the last message's time, else the opening.
CREATE INDEX `conversations_tenant_activity_idx` ON `conversations` (`tenant_id`,coalesce(`last_message_at`,`created_at`),`id`);
