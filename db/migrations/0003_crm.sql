CREATE TABLE `companies` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`name` text NOT NULL,
	`website` text,
	`domain` text,
	`sector` text,
	`size` text,
	`address` text,
	`phone` text,
	`description` text,
	`owner` text,
	`tags` text DEFAULT '[]' NOT NULL,
	`custom_fields` text DEFAULT '{}' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`deleted_at` integer,
	`sync_seq` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `companies_tenant_created_idx` ON `companies` (`tenant_id`,`created_at`);
--> statement-breakpoint
CREATE INDEX `companies_tenant_domain_idx` ON `companies` (`tenant_id`,`domain`);
--> statement-breakpoint
CREATE INDEX `companies_tenant_seq_idx` ON `companies` (`tenant_id`,`sync_seq`);
--> statement-breakpoint
CREATE INDEX `companies_tenant_updated_idx` ON `companies` (`tenant_id`,`updated_at`);
--> statement-breakpoint
CREATE TABLE `contacts` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`first_name` text,
	`last_name` text,
	`emails` text DEFAULT '[]' NOT NULL,
	`phones` text DEFAULT '[]' NOT NULL,
	`primary_email` text,
	`title` text,
	`company_id` text,
	`owner` text,
	`status` text,
	`background` text,
	`linkedin_url` text,
	`tags` text DEFAULT '[]' NOT NULL,
	`custom_fields` text DEFAULT '{}' NOT NULL,
	`last_seen_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`deleted_at` integer,
	`sync_seq` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `contacts_tenant_created_idx` ON `contacts` (`tenant_id`,`created_at`);
--> statement-breakpoint
CREATE INDEX `contacts_tenant_email_idx` ON `contacts` (`tenant_id`,`primary_email`);
--> statement-breakpoint
CREATE INDEX `contacts_tenant_company_idx` ON `contacts` (`tenant_id`,`company_id`);
--> statement-breakpoint
CREATE INDEX `contacts_tenant_seq_idx` ON `contacts` (`tenant_id`,`sync_seq`);
--> statement-breakpoint
CREATE INDEX `contacts_tenant_updated_idx` ON `contacts` (`tenant_id`,`updated_at`);
