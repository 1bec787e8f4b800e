import { Elysia } from "elysia";
import { type AppContext, authMacros, errorResponses } from "../../src/core";
import { SchedulerStatus } from "./model";

/** The scheduler's jobs as the operator sees them (admin token). */
export const schedulerPlugin = (ctx: AppContext) =>
  new Elysia({ name: "crmd.scheduler" })
    .use(authMacros)
    .get(
      "/scheduler",
      async () => ({ instance_id: ctx.scheduler.instanceId, jobs: await ctx.scheduler.status() }),
      {
        admin: true,
        response: { 200: SchedulerStatus, ...errorResponses },
        detail: {
          summary: "Scheduler jobs: last run, duration, outcome, next run and lease holder",
          tags: ["scheduler"],
        },
      },
    );
