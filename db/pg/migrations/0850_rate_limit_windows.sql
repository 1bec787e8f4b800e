-- Rate-limit windows shared by instances (db/pg/windows.ts). UNLOGGED: a
-- window lives a minute, so it needs no WAL (nor moves the WAL position
-- that read caches key on) and is not replicated; a crash of the primary
-- resets the windows.
CREATE UNLOGGED TABLE "rate_limit_windows" (
  "key" text NOT NULL,
  "window_start" bigint NOT NULL,
  "count" bigint NOT NULL,
  PRIMARY KEY ("key")
);
