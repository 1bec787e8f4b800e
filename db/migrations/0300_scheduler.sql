CREATE TABLE `scheduler_jobs` (
	`job` text PRIMARY KEY NOT NULL,
	`last_run_at` integer NOT NULL,
	`last_run_by` text NOT NULL,
	`last_duration_ms` real NOT NULL,
	`last_outcome` text NOT NULL,
	`last_error` text,
	`watermark` integer,
	`state` text
);
--> statement-breakpoint
CREATE TABLE `scheduler_leases` (
	`job` text PRIMARY KEY NOT NULL,
	`holder` text NOT NULL,
	`expires_at` integer NOT NULL
);
