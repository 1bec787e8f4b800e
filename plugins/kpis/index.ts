import { Elysia } from "elysia";
import { type AppContext, authMacros, errorResponses } from "../../src/core";
import { KpiQuery, Kpis } from "./model";
import { kpis } from "./service";

/** Dashboard figures for the current week, month, quarter or year (seed 001's GET /kpis). */
export const kpisPlugin = (ctx: AppContext) =>
  new Elysia({ name: "crmd.kpis" })
    .use(authMacros)
    .get("/kpis", ({ query, tenantId }) => kpis(ctx, tenantId, query.period ?? "month"), {
      scope: "kpis:read",
      query: KpiQuery,
      response: { 200: Kpis, ...errorResponses },
      detail: {
        summary: "KPIs for the current calendar period (default month)",
        description:
          "Period start: the current week (Monday 00:00 UTC), month, quarter (Jan/Apr/Jul/Oct) or year, in UTC. " +
          "leads.total: created in the period; qualified: qualified_at in the period; qualification_rate = qualified/total×100. " +
          "deals.total: created in the period, open/won/lost by their current status; win_rate = won/(won+lost)×100. " +
          "pipeline.value: all open deals; won_value: deals won in the period. tasks.total: created in the period; " +
          "overdue: all pending tasks past due now. Deleted rows never count.",
        tags: ["kpis"],
      },
    });
