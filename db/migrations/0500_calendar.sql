CREATE TABLE `calendar_events` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`title` text NOT NULL,
	`description` text,
	`location` text,
	`start_at` integer NOT NULL,
	`end_at` integer NOT NULL,
	`time_zone` text NOT NULL,
	`all_day` integer DEFAULT false NOT NULL,
	`start_date` text,
	`end_date` text,
	`status` text NOT NULL,
	`cancelled_at` integer,
	`deal_id` text,
	`lead_id` text,
	`contact_id` text,
	`attendees` text DEFAULT '[]' NOT NULL,
	`reminders` text DEFAULT '[]' NOT NULL,
	`tags` text DEFAULT '[]' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`deleted_at` integer,
	`sync_seq` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `calendar_events_tenant_start_idx` ON `calendar_events` (`tenant_id`,`start_at`);
--> statement-breakpoint
CREATE INDEX `calendar_events_tenant_end_idx` ON `calendar_events` (`tenant_id`,`end_at`);
--> statement-breakpoint
CREATE INDEX `calendar_events_tenant_created_idx` ON `calendar_events` (`tenant_id`,`created_at`);
--> statement-breakpoint
CREATE INDEX `calendar_events_tenant_seq_idx` ON `calendar_events` (`tenant_id`,`sync_seq`);
--> statement-breakpoint
CREATE INDEX `calendar_events_tenant_updated_idx` ON `calendar_events` (`tenant_id`,`updated_at`);
--> statement-breakpoint
CREATE INDEX `calendar_events_tenant_deal_idx` ON `calendar_events` (`tenant_id`,`deal_id`);
--> statement-breakpoint
CREATE INDEX `calendar_events_tenant_lead_idx` ON `calendar_events` (`tenant_id`,`lead_id`);
--> statement-breakpoint
CREATE INDEX `calendar_events_tenant_contact_idx` ON `calendar_events` (`tenant_id`,`contact_id`);
--> statement-breakpoint
CREATE TABLE `calendar_event_attendees` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`event_id` text NOT NULL,
	`contact_id` text,
	`email` text,
	FOREIGN KEY (`event_id`) REFERENCES `calendar_events`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `calendar_attendees_event_idx` ON `calendar_event_attendees` (`event_id`);
--> statement-breakpoint
CREATE INDEX `calendar_attendees_tenant_email_idx` ON `calendar_event_attendees` (`tenant_id`,`email`);
--> statement-breakpoint
CREATE INDEX `calendar_attendees_tenant_contact_idx` ON `calendar_event_attendees` (`tenant_id`,`contact_id`);
