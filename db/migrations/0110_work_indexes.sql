-- Live-row partial indexes for KPIs and plain lists: counts and sums over them
-- need no row lookups (the deleted_at IS NULL term is implied by the index), and
-- KPI counts per deal status are plain index range counts.
DROP INDEX `deals_tenant_created_idx`;
--> statement-breakpoint
DROP INDEX `deals_tenant_status_idx`;
--> statement-breakpoint
DROP INDEX `deals_tenant_won_idx`;
--> statement-breakpoint
DROP INDEX `leads_tenant_created_idx`;
--> statement-breakpoint
DROP INDEX `leads_tenant_qualified_idx`;
--> statement-breakpoint
DROP INDEX `tasks_tenant_created_idx`;
--> statement-breakpoint
DROP INDEX `tasks_tenant_due_idx`;
--> statement-breakpoint
CREATE INDEX `deals_tenant_created_idx` ON `deals` (`tenant_id`,`created_at`) WHERE deleted_at IS NULL;
--> statement-breakpoint
CREATE INDEX `deals_tenant_status_idx` ON `deals` (`tenant_id`,`status`,`created_at`,`value`) WHERE deleted_at IS NULL;
--> statement-breakpoint
CREATE INDEX `deals_tenant_won_idx` ON `deals` (`tenant_id`,`won_at`,`value`) WHERE status = 'won' AND deleted_at IS NULL;
--> statement-breakpoint
CREATE INDEX `leads_tenant_created_idx` ON `leads` (`tenant_id`,`created_at`) WHERE deleted_at IS NULL;
--> statement-breakpoint
CREATE INDEX `leads_tenant_qualified_idx` ON `leads` (`tenant_id`,`qualified_at`) WHERE deleted_at IS NULL;
--> statement-breakpoint
CREATE INDEX `tasks_tenant_created_idx` ON `tasks` (`tenant_id`,`created_at`) WHERE deleted_at IS NULL;
--> statement-breakpoint
CREATE INDEX `tasks_tenant_due_idx` ON `tasks` (`tenant_id`,`status`,`due_at`,`deleted_at`);
--> statement-breakpoint
CREATE INDEX `tasks_tenant_owner_idx` ON `tasks` (`tenant_id`,`owner`,`created_at`);
--> statement-breakpoint
CREATE INDEX `tasks_tenant_deal_idx` ON `tasks` (`tenant_id`,`deal_id`,`created_at`);
--> statement-breakpoint
CREATE INDEX `tasks_tenant_lead_idx` ON `tasks` (`tenant_id`,`lead_id`,`created_at`);
--> statement-breakpoint
CREATE INDEX `tasks_tenant_contact_idx` ON `tasks` (`tenant_id`,`contact_id`,`created_at`);
--> statement-breakpoint
CREATE INDEX `tasks_tenant_company_idx` ON `tasks` (`tenant_id`,`company_id`,`created_at`);
--> statement-breakpoint
CREATE INDEX `activity_tenant_type_created_idx` ON `activity_log` (`tenant_id`,`entity_type`,`created_at`);
--> statement-breakpoint
CREATE INDEX `activity_tenant_entity_created_idx` ON `activity_log` (`tenant_id`,`entity_id`,`created_at`);
