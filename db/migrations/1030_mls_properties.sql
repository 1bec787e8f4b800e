CREATE TABLE `properties` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`mls_number` text,
	`status` text NOT NULL,
	`property_type` text NOT NULL,
	`title` text,
	`address` text NOT NULL,
	`city` text,
	`postcode` text,
	`latitude` real,
	`longitude` real,
	`price` integer,
	`currency` text DEFAULT 'EUR' NOT NULL,
	`bedrooms` integer,
	`bathrooms` real,
	`living_area` real,
	`lot_area` real,
	`area_unit` text DEFAULT 'sqm' NOT NULL,
	`year_built` integer,
	`description` text,
	`features` text DEFAULT '[]' NOT NULL,
	`listing_agent` text,
	`photo_ids` text DEFAULT '[]' NOT NULL,
	`listed_at` text,
	`sold_at` text,
	`custom_fields` text DEFAULT '{}' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`deleted_at` integer,
	`sync_seq` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `properties_tenant_created_idx` ON `properties` (`tenant_id`,`created_at`) WHERE deleted_at is null;
--> statement-breakpoint
CREATE INDEX `properties_tenant_status_idx` ON `properties` (`tenant_id`,`status`,`created_at`);
--> statement-breakpoint
CREATE INDEX `properties_tenant_price_idx` ON `properties` (`tenant_id`,`price`);
--> statement-breakpoint
CREATE INDEX `properties_tenant_city_idx` ON `properties` (`tenant_id`,`city`);
--> statement-breakpoint
CREATE INDEX `properties_tenant_postcode_idx` ON `properties` (`tenant_id`,`postcode`);
--> statement-breakpoint
CREATE INDEX `properties_tenant_geo_idx` ON `properties` (`tenant_id`,`latitude`,`longitude`);
--> statement-breakpoint
CREATE INDEX `properties_tenant_seq_idx` ON `properties` (`tenant_id`,`sync_seq`);
--> statement-breakpoint
CREATE INDEX `properties_tenant_updated_idx` ON `properties` (`tenant_id`,`updated_at`,`sync_seq`);
