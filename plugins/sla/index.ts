import { Elysia } from "elysia";
import { type AppContext, authMacros, errorResponses, registerEventTypes } from "../../src/core";
import { BusinessHours, PutBusinessHours } from "./model";
import { overdueJob } from "./overdue-job";
import { deleteBusinessHours, getBusinessHours, putBusinessHours } from "./service";
import { slaJob } from "./sla-job";

registerEventTypes(["business_hours.updated", "business_hours.deleted"]);

/**
 * SLA clocks and overdue tasks: the scheduler jobs that emit sla.warning,
 * sla.breach and task.overdue, and the tenant's business-hours calendar
 * those clocks count in.
 */
export const slaPlugin = (ctx: AppContext) => {
  ctx.scheduler.register(slaJob(ctx));
  ctx.scheduler.register(overdueJob(ctx));
  return new Elysia({ name: "crmd.sla" })
    .use(authMacros)
    .get("/business-hours", ({ tenantId }) => getBusinessHours(ctx, tenantId), {
      scope: "pipelines:read",
      response: { 200: BusinessHours, ...errorResponses },
      detail: {
        summary: "Get the business-hours calendar SLA clocks count in (404 when none is set)",
        tags: ["sla"],
      },
    })
    .put(
      "/business-hours",
      ({ tenantId, actor, body }) => putBusinessHours(ctx, tenantId, actor, body),
      {
        scope: "pipelines:write",
        body: PutBusinessHours,
        response: { 200: BusinessHours, ...errorResponses },
        detail: {
          summary:
            "Set the business-hours calendar: SLA clocks then count only working time in its time zone",
          tags: ["sla"],
        },
      },
    )
    .delete("/business-hours", ({ tenantId, actor }) => deleteBusinessHours(ctx, tenantId, actor), {
      scope: "pipelines:write",
      response: { 200: BusinessHours, ...errorResponses },
      detail: {
        summary: "Remove the business-hours calendar: SLA clocks count all the time again",
        tags: ["sla"],
      },
    });
};
