-- Events a webhook still owes deliveries for since it became inactive,
-- fanned out by the dispatcher a page at a time (src/webhooks/fanout.ts).
CREATE TABLE `webhook_catchups` (
	`webhook_id` text NOT NULL,
	`tenant_id` text NOT NULL,
	`events` text NOT NULL,
	`after_seq` integer NOT NULL,
	`through_seq` integer NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`webhook_id`, `through_seq`)
);
