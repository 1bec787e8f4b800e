import { t } from "elysia";
import { JsonInteger } from "../../src/core";

export const Period = t.Union(
  [t.Literal("week"), t.Literal("month"), t.Literal("quarter"), t.Literal("year")],
  { description: "The current calendar period in UTC (weeks start Monday)" },
);

const Count = JsonInteger({ minimum: 0 });
const Rate = t.Number({ description: "Percent, one decimal; 0 when there is nothing to divide" });
const Cents = JsonInteger({ description: "Minor units (cents), summed across currencies" });

/** Exactly seed 001's KPI response. */
export const Kpis = t.Object({
  period: Period,
  period_start: t.String({ format: "date-time" }),
  generated_at: t.String({ format: "date-time" }),
  leads: t.Object({
    total: JsonInteger({ description: "Leads created in the period" }),
    qualified: JsonInteger({ description: "Leads qualified in the period" }),
    qualification_rate: Rate,
  }),
  deals: t.Object({
    total: JsonInteger({ description: "Deals created in the period" }),
    open: Count,
    won: Count,
    lost: Count,
    win_rate: Rate,
  }),
  pipeline: t.Object({
    value: JsonInteger({ description: "Value of all open deals, in cents" }),
    won_value: Cents,
  }),
  tasks: t.Object({
    total: JsonInteger({ description: "Tasks created in the period" }),
    overdue: JsonInteger({ description: "All tasks overdue now" }),
  }),
});

export const KpiQuery = t.Object({ period: t.Optional(Period) });

export type PeriodName = typeof Period.static;
export type KpiView = typeof Kpis.static;
