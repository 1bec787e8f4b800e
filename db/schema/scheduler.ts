import { real, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { json, timestamp } from "./columns";

/**
 * One lease per scheduler job: only its holder (an instance id) runs the
 * job until `expires_at`; a dead holder's lease expires and another
 * instance takes it over.
 */
export const schedulerLeases = sqliteTable("scheduler_leases", {
  job: text("job").primaryKey(),
  holder: text("holder").notNull(),
  expiresAt: timestamp("expires_at").notNull(),
});

/**
 * The last run of each job, whichever instance ran it: restarts and other
 * instances continue from `watermark` (the `now` of the last successful run)
 * and `state` (what that run handed to the next one).
 */
export const schedulerJobs = sqliteTable("scheduler_jobs", {
  job: text("job").primaryKey(),
  lastRunAt: timestamp("last_run_at").notNull(),
  lastRunBy: text("last_run_by").notNull(),
  lastDurationMs: real("last_duration_ms").notNull(),
  /** ok | error */
  lastOutcome: text("last_outcome").notNull(),
  lastError: text("last_error"),
  watermark: timestamp("watermark"),
  state: json<unknown>("state"),
});
