CREATE TABLE `widget_keys` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`name` text NOT NULL,
	`key_hash` text NOT NULL,
	`key_prefix` text NOT NULL,
	`allowed_origins` text NOT NULL,
	`settings` text NOT NULL,
	`visitor_rate_limit` integer,
	`token_secret` text NOT NULL,
	`revoked_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `widget_keys_hash_idx` ON `widget_keys` (`key_hash`);
--> statement-breakpoint
CREATE INDEX `widget_keys_tenant_idx` ON `widget_keys` (`tenant_id`,`created_at`);
