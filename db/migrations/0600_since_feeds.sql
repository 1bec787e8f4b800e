-- `since` feeds find their first sync_seq from these indexes alone (covering).
DROP INDEX `calendar_events_tenant_updated_idx`;
--> statement-breakpoint
CREATE INDEX `calendar_events_tenant_updated_idx` ON `calendar_events` (`tenant_id`,`updated_at`,`sync_seq`);
--> statement-breakpoint
DROP INDEX `companies_tenant_updated_idx`;
--> statement-breakpoint
CREATE INDEX `companies_tenant_updated_idx` ON `companies` (`tenant_id`,`updated_at`,`sync_seq`);
--> statement-breakpoint
DROP INDEX `contacts_tenant_updated_idx`;
--> statement-breakpoint
CREATE INDEX `contacts_tenant_updated_idx` ON `contacts` (`tenant_id`,`updated_at`,`sync_seq`);
--> statement-breakpoint
DROP INDEX `notes_tenant_updated_idx`;
--> statement-breakpoint
CREATE INDEX `notes_tenant_updated_idx` ON `notes` (`tenant_id`,`updated_at`,`sync_seq`);
--> statement-breakpoint
DROP INDEX `documents_tenant_updated_idx`;
--> statement-breakpoint
CREATE INDEX `documents_tenant_updated_idx` ON `documents` (`tenant_id`,`updated_at`,`sync_seq`);
--> statement-breakpoint
DROP INDEX `leads_tenant_updated_idx`;
--> statement-breakpoint
CREATE INDEX `leads_tenant_updated_idx` ON `leads` (`tenant_id`,`updated_at`,`sync_seq`);
--> statement-breakpoint
DROP INDEX `deals_tenant_updated_idx`;
--> statement-breakpoint
CREATE INDEX `deals_tenant_updated_idx` ON `deals` (`tenant_id`,`updated_at`,`sync_seq`);
--> statement-breakpoint
DROP INDEX `tasks_tenant_updated_idx`;
--> statement-breakpoint
CREATE INDEX `tasks_tenant_updated_idx` ON `tasks` (`tenant_id`,`updated_at`,`sync_seq`);
--> statement-breakpoint
DROP INDEX `partners_tenant_updated_idx`;
--> statement-breakpoint
CREATE INDEX `partners_tenant_updated_idx` ON `partners` (`tenant_id`,`updated_at`,`sync_seq`);
--> statement-breakpoint
DROP INDEX `handoffs_tenant_updated_idx`;
--> statement-breakpoint
CREATE INDEX `handoffs_tenant_updated_idx` ON `handoffs` (`tenant_id`,`updated_at`,`sync_seq`);
--> statement-breakpoint
DROP INDEX `activity_tenant_created_idx`;
--> statement-breakpoint
CREATE INDEX `activity_tenant_created_idx` ON `activity_log` (`tenant_id`,`created_at`,`sync_seq`);
