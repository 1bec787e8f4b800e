CREATE TABLE `documents` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`name` text NOT NULL,
	`description` text,
	`mime_type` text,
	`size` integer,
	`sha256` text,
	`storage` text NOT NULL,
	`url` text,
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
CREATE INDEX `documents_tenant_created_idx` ON `documents` (`tenant_id`,`created_at`);
--> statement-breakpoint
CREATE INDEX `documents_tenant_seq_idx` ON `documents` (`tenant_id`,`sync_seq`);
--> statement-breakpoint
CREATE INDEX `documents_tenant_updated_idx` ON `documents` (`tenant_id`,`updated_at`);
--> statement-breakpoint
CREATE INDEX `documents_tenant_deal_idx` ON `documents` (`tenant_id`,`deal_id`);
--> statement-breakpoint
CREATE INDEX `documents_tenant_lead_idx` ON `documents` (`tenant_id`,`lead_id`);
--> statement-breakpoint
CREATE INDEX `documents_tenant_contact_idx` ON `documents` (`tenant_id`,`contact_id`);
--> statement-breakpoint
CREATE INDEX `documents_tenant_company_idx` ON `documents` (`tenant_id`,`company_id`);
--> statement-breakpoint
CREATE INDEX `documents_sha256_idx` ON `documents` (`sha256`,`deleted_at`);
