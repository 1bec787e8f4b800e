CREATE TABLE `custom_object_types` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`name` text NOT NULL,
	`plural` text NOT NULL,
	`label` text NOT NULL,
	`description` text,
	`primary_field` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`archived_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `custom_object_types_plural_idx` ON `custom_object_types` (`tenant_id`,`plural`) WHERE archived_at is null;
--> statement-breakpoint
CREATE UNIQUE INDEX `custom_object_types_name_idx` ON `custom_object_types` (`tenant_id`,`name`) WHERE archived_at is null;
--> statement-breakpoint
CREATE TABLE `custom_records` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`object_type` text NOT NULL,
	`display` text,
	`custom_fields` text DEFAULT '{}' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`deleted_at` integer,
	`sync_seq` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `custom_records_type_created_idx` ON `custom_records` (`tenant_id`,`object_type`,`created_at`);
--> statement-breakpoint
CREATE INDEX `custom_records_tenant_seq_idx` ON `custom_records` (`tenant_id`,`sync_seq`);
--> statement-breakpoint
CREATE INDEX `custom_records_tenant_updated_idx` ON `custom_records` (`tenant_id`,`updated_at`,`sync_seq`);
