ALTER TABLE `contacts` ADD `email_opt_out` integer DEFAULT false NOT NULL;
--> statement-breakpoint
ALTER TABLE `contacts` ADD `sms_opt_out` integer DEFAULT false NOT NULL;
--> statement-breakpoint
CREATE TABLE `communication_opt_outs` (
	`tenant_id` text NOT NULL,
	`channel` text NOT NULL,
	`address` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`tenant_id`, `channel`, `address`)
);
