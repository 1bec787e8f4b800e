CREATE TABLE `interactions` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`type` text NOT NULL,
	`direction` text NOT NULL,
	`status` text NOT NULL,
	`contact_id` text,
	`company_id` text,
	`deal_id` text,
	`from_address` text,
	`to_addresses` text DEFAULT '[]' NOT NULL,
	`cc_addresses` text DEFAULT '[]' NOT NULL,
	`bcc_addresses` text DEFAULT '[]' NOT NULL,
	`reply_to` text,
	`subject` text,
	`body_text` text,
	`body_html` text,
	`message_id` text,
	`in_reply_to` text,
	`references` text DEFAULT '[]' NOT NULL,
	`thread_id` text,
	`attachments` text DEFAULT '[]' NOT NULL,
	`provider_id` text,
	`provider_response` text,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer,
	`lease_until` integer,
	`occurred_at` integer NOT NULL,
	`sent_at` integer,
	`ended_at` integer,
	`duration_seconds` integer,
	`outcome` text,
	`recording_url` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`deleted_at` integer,
	`sync_seq` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `interactions_tenant_created_idx` ON `interactions` (`tenant_id`,`created_at`);
--> statement-breakpoint
CREATE INDEX `interactions_tenant_seq_idx` ON `interactions` (`tenant_id`,`sync_seq`);
--> statement-breakpoint
CREATE INDEX `interactions_tenant_updated_idx` ON `interactions` (`tenant_id`,`updated_at`,`sync_seq`);
--> statement-breakpoint
CREATE INDEX `interactions_tenant_occurred_idx` ON `interactions` (`tenant_id`,`occurred_at`);
--> statement-breakpoint
CREATE INDEX `interactions_tenant_contact_idx` ON `interactions` (`tenant_id`,`contact_id`,`occurred_at`);
--> statement-breakpoint
CREATE INDEX `interactions_tenant_company_idx` ON `interactions` (`tenant_id`,`company_id`,`occurred_at`);
--> statement-breakpoint
CREATE INDEX `interactions_tenant_deal_idx` ON `interactions` (`tenant_id`,`deal_id`,`occurred_at`);
--> statement-breakpoint
CREATE INDEX `interactions_tenant_message_idx` ON `interactions` (`tenant_id`,`message_id`);
--> statement-breakpoint
CREATE INDEX `interactions_provider_idx` ON `interactions` (`provider_id`);
--> statement-breakpoint
CREATE INDEX `interactions_due_idx` ON `interactions` (`status`,`next_attempt_at`);
