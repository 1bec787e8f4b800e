-- Rate-limit windows shared by instances (one row per API key: the current
-- window and its count). PostgreSQL instances count requests here; on an
-- embedded SQLite file one process serves the API and keeps them in memory.
CREATE TABLE `rate_limit_windows` (
	`key` text PRIMARY KEY NOT NULL,
	`window_start` integer NOT NULL,
	`count` integer NOT NULL
);
