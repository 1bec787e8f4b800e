CREATE TABLE `inbound_secrets` (
	`tenant_id` text PRIMARY KEY NOT NULL,
	`secret_hash` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `inbound_secrets_hash_idx` ON `inbound_secrets` (`secret_hash`);
