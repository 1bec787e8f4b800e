CREATE TABLE `deals` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`title` text NOT NULL,
	`description` text,
	`value` integer DEFAULT 0 NOT NULL,
	`currency` text DEFAULT 'USD' NOT NULL,
	`status` text NOT NULL,
	`pipeline_id` text NOT NULL,
	`stage_id` text NOT NULL,
	`stage_entered_at` integer NOT NULL,
	`owner` text,
	`lead_id` text,
	`contact_id` text,
	`company_id` text,
	`partner_id` text,
	`expected_close_date` text,
	`won_at` integer,
	`lost_at` integer,
	`lost_reason` text,
	`tags` text DEFAULT '[]' NOT NULL,
	`custom_fields` text DEFAULT '{}' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`deleted_at` integer,
	`sync_seq` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `deals_tenant_created_idx` ON `deals` (`tenant_id`,`created_at`,`status`,`value`);
--> statement-breakpoint
CREATE INDEX `deals_tenant_status_idx` ON `deals` (`tenant_id`,`status`,`created_at`);
--> statement-breakpoint
CREATE INDEX `deals_tenant_stage_idx` ON `deals` (`tenant_id`,`stage_id`,`created_at`);
--> statement-breakpoint
CREATE INDEX `deals_tenant_seq_idx` ON `deals` (`tenant_id`,`sync_seq`);
--> statement-breakpoint
CREATE INDEX `deals_tenant_updated_idx` ON `deals` (`tenant_id`,`updated_at`);
--> statement-breakpoint
CREATE INDEX `deals_tenant_won_idx` ON `deals` (`tenant_id`,`status`,`won_at`,`value`);
--> statement-breakpoint
CREATE INDEX `deals_tenant_partner_idx` ON `deals` (`tenant_id`,`partner_id`);
--> statement-breakpoint
CREATE INDEX `deals_tenant_lead_idx` ON `deals` (`tenant_id`,`lead_id`);
--> statement-breakpoint
CREATE TABLE `handoffs` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`entity_type` text NOT NULL,
	`entity_id` text NOT NULL,
	`from_owner` text,
	`to_owner` text,
	`from_pipeline_id` text,
	`to_pipeline_id` text,
	`to_stage_id` text,
	`status` text NOT NULL,
	`reason` text,
	`completed_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`deleted_at` integer,
	`sync_seq` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `handoffs_tenant_created_idx` ON `handoffs` (`tenant_id`,`created_at`);
--> statement-breakpoint
CREATE INDEX `handoffs_tenant_status_idx` ON `handoffs` (`tenant_id`,`status`,`created_at`);
--> statement-breakpoint
CREATE INDEX `handoffs_tenant_seq_idx` ON `handoffs` (`tenant_id`,`sync_seq`);
--> statement-breakpoint
CREATE INDEX `handoffs_tenant_updated_idx` ON `handoffs` (`tenant_id`,`updated_at`);
--> statement-breakpoint
CREATE INDEX `handoffs_entity_idx` ON `handoffs` (`tenant_id`,`entity_type`,`entity_id`);
--> statement-breakpoint
CREATE TABLE `leads` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`name` text NOT NULL,
	`email` text,
	`phone` text,
	`company_name` text,
	`title` text,
	`source` text,
	`status` text NOT NULL,
	`tier` text,
	`score` integer,
	`owner` text,
	`partner_id` text,
	`contact_id` text,
	`company_id` text,
	`pipeline_id` text,
	`stage_id` text,
	`stage_entered_at` integer,
	`first_responded_at` integer,
	`qualified_at` integer,
	`disqualified_at` integer,
	`disqualify_reason` text,
	`converted_at` integer,
	`converted_deal_id` text,
	`notes` text,
	`tags` text DEFAULT '[]' NOT NULL,
	`custom_fields` text DEFAULT '{}' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`deleted_at` integer,
	`sync_seq` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `leads_tenant_created_idx` ON `leads` (`tenant_id`,`created_at`);
--> statement-breakpoint
CREATE INDEX `leads_tenant_status_idx` ON `leads` (`tenant_id`,`status`,`created_at`);
--> statement-breakpoint
CREATE INDEX `leads_tenant_tier_idx` ON `leads` (`tenant_id`,`tier`,`created_at`);
--> statement-breakpoint
CREATE INDEX `leads_tenant_seq_idx` ON `leads` (`tenant_id`,`sync_seq`);
--> statement-breakpoint
CREATE INDEX `leads_tenant_updated_idx` ON `leads` (`tenant_id`,`updated_at`);
--> statement-breakpoint
CREATE INDEX `leads_tenant_qualified_idx` ON `leads` (`tenant_id`,`qualified_at`);
--> statement-breakpoint
CREATE INDEX `leads_tenant_stage_idx` ON `leads` (`tenant_id`,`stage_id`);
--> statement-breakpoint
CREATE INDEX `leads_tenant_partner_idx` ON `leads` (`tenant_id`,`partner_id`);
--> statement-breakpoint
CREATE TABLE `partners` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`name` text NOT NULL,
	`partner_type` text DEFAULT 'referral' NOT NULL,
	`email` text,
	`phone` text,
	`website` text,
	`status` text DEFAULT 'active' NOT NULL,
	`commission_pct` real,
	`tags` text DEFAULT '[]' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`deleted_at` integer,
	`sync_seq` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `partners_tenant_created_idx` ON `partners` (`tenant_id`,`created_at`);
--> statement-breakpoint
CREATE INDEX `partners_tenant_seq_idx` ON `partners` (`tenant_id`,`sync_seq`);
--> statement-breakpoint
CREATE INDEX `partners_tenant_updated_idx` ON `partners` (`tenant_id`,`updated_at`);
--> statement-breakpoint
CREATE UNIQUE INDEX `partners_tenant_name_idx` ON `partners` (`tenant_id`,`name`);
--> statement-breakpoint
CREATE TABLE `pipelines` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`name` text NOT NULL,
	`pipeline_type` text NOT NULL,
	`is_default` integer DEFAULT false NOT NULL,
	`first_response_hours` real,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`deleted_at` integer,
	`sync_seq` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `pipelines_tenant_type_idx` ON `pipelines` (`tenant_id`,`pipeline_type`);
--> statement-breakpoint
CREATE INDEX `pipelines_tenant_seq_idx` ON `pipelines` (`tenant_id`,`sync_seq`);
--> statement-breakpoint
CREATE TABLE `stages` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`pipeline_id` text NOT NULL,
	`name` text NOT NULL,
	`position` integer NOT NULL,
	`kind` text DEFAULT 'open' NOT NULL,
	`probability` integer,
	`sla_hours` real,
	`sla_warning_pct` integer DEFAULT 80 NOT NULL,
	`warn_before_minutes` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`pipeline_id`) REFERENCES `pipelines`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `stages_pipeline_idx` ON `stages` (`pipeline_id`,`position`);
--> statement-breakpoint
CREATE INDEX `stages_tenant_name_idx` ON `stages` (`tenant_id`,`name`);
--> statement-breakpoint
CREATE TABLE `tasks` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`title` text NOT NULL,
	`description` text,
	`status` text NOT NULL,
	`priority` text DEFAULT 'medium' NOT NULL,
	`due_at` integer,
	`completed_at` integer,
	`owner` text,
	`deal_id` text,
	`lead_id` text,
	`contact_id` text,
	`company_id` text,
	`tags` text DEFAULT '[]' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`deleted_at` integer,
	`sync_seq` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `tasks_tenant_created_idx` ON `tasks` (`tenant_id`,`created_at`);
--> statement-breakpoint
CREATE INDEX `tasks_tenant_status_idx` ON `tasks` (`tenant_id`,`status`,`created_at`);
--> statement-breakpoint
CREATE INDEX `tasks_tenant_priority_idx` ON `tasks` (`tenant_id`,`priority`,`created_at`);
--> statement-breakpoint
CREATE INDEX `tasks_tenant_due_idx` ON `tasks` (`tenant_id`,`status`,`due_at`);
--> statement-breakpoint
CREATE INDEX `tasks_tenant_seq_idx` ON `tasks` (`tenant_id`,`sync_seq`);
--> statement-breakpoint
CREATE INDEX `tasks_tenant_updated_idx` ON `tasks` (`tenant_id`,`updated_at`);
--> statement-breakpoint
CREATE INDEX `tasks_due_idx` ON `tasks` (`status`,`due_at`);
