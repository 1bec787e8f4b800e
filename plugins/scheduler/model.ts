import { t } from "elysia";

const Time = t.Union([t.String({ format: "date-time" }), t.Null()]);

export const JobStatus = t.Object({
  name: t.String(),
  cron: t.String(),
  running: t.Boolean({ description: "Running on the instance that answered" }),
  last_run_at: Time,
  last_run_by: t.Union([t.String(), t.Null()], { description: "Instance that ran it last" }),
  last_duration_ms: t.Union([t.Number(), t.Null()]),
  last_outcome: t.Union([t.Literal("ok"), t.Literal("error"), t.Null()]),
  last_error: t.Union([t.String(), t.Null()]),
  watermark: t.Union([t.String({ format: "date-time" }), t.Null()], {
    description: "Time of the last successful run; the next run covers what became due after it",
  }),
  next_run_at: t.Union([t.String({ format: "date-time" }), t.Null()], {
    description: "Next tick on the instance that answered (null when it runs no timers)",
  }),
  lease_holder: t.Union([t.String(), t.Null()], { description: "Instance allowed to run the job" }),
  lease_expires_at: Time,
});

export const SchedulerStatus = t.Object({
  instance_id: t.String({ description: "The instance that answered" }),
  jobs: t.Array(JobStatus),
});
