-- The SMS sender numbers recorded for each tenant; a number belongs to one tenant at most.
CREATE TABLE `tenant_sms_numbers` (
	`number` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`position` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `tenant_sms_numbers_tenant_idx` ON `tenant_sms_numbers` (`tenant_id`,`position`);
