CREATE TABLE `business_hours` (
	`tenant_id` text PRIMARY KEY NOT NULL,
	`time_zone` text NOT NULL,
	`working_days` text NOT NULL,
	`start_minute` integer NOT NULL,
	`end_minute` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sla_armed_policies` (
	`policy_key` text PRIMARY KEY NOT NULL,
	`signature` text NOT NULL,
	`armed_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sla_emissions` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`entity_type` text NOT NULL,
	`entity_id` text NOT NULL,
	`event_type` text NOT NULL,
	`policy` text NOT NULL,
	`stage_id` text NOT NULL,
	`anchor_at` integer NOT NULL,
	`due_at` integer NOT NULL,
	`emitted_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sla_emissions_clock_idx` ON `sla_emissions` (`entity_id`,`event_type`,`policy`,`stage_id`,`anchor_at`);
--> statement-breakpoint
CREATE INDEX `deals_stage_entered_idx` ON `deals` (`stage_id`,`stage_entered_at`);
--> statement-breakpoint
CREATE INDEX `deals_seq_idx` ON `deals` (`sync_seq`);
--> statement-breakpoint
CREATE INDEX `leads_stage_entered_idx` ON `leads` (`stage_id`,`stage_entered_at`);
--> statement-breakpoint
CREATE INDEX `leads_pipeline_created_idx` ON `leads` (`pipeline_id`,`created_at`);
--> statement-breakpoint
CREATE INDEX `leads_seq_idx` ON `leads` (`sync_seq`);
--> statement-breakpoint
CREATE INDEX `tasks_seq_idx` ON `tasks` (`sync_seq`);
