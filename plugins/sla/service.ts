import { eq } from "drizzle-orm";
import type { Static } from "elysia";
import type { ReadDb } from "../../db/client";
import { businessHours } from "../../db/schema";
import {
  type Actor,
  type AppContext,
  type Calendar,
  calendarOf,
  canonicalZone,
  invalid,
  iso,
  notFound,
  recordChange,
} from "../../src/core";
import { type PutBusinessHours, WEEKDAYS } from "./model";

type Row = typeof businessHours.$inferSelect;
export type BusinessHoursView = ReturnType<typeof view>;

const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

const view = (row: Row) => ({
  time_zone: row.timeZone,
  working_days: [...row.workingDays].sort((a, b) => a - b).map((day) => WEEKDAYS[day - 1]),
  start_time: hhmm(row.startMinute),
  end_time: hhmm(row.endMinute),
  created_at: iso(row.createdAt) as string,
  updated_at: iso(row.updatedAt) as string,
});

/** Every tenant's calendar, by tenant id (a small table: one row per tenant at most). */
export async function loadCalendars(db: ReadDb): Promise<Map<string, Calendar>> {
  const rows = await db.select().from(businessHours);
  return new Map(rows.map((row) => [row.tenantId, calendarOf(row)]));
}

async function find(db: ReadDb, tenantId: string): Promise<Row | undefined> {
  const [row] = await db.select().from(businessHours).where(eq(businessHours.tenantId, tenantId));
  return row;
}

export async function getBusinessHours(ctx: AppContext, tenantId: string) {
  const row = await find(ctx.db.read, tenantId);
  if (!row) throw notFound("Business hours");
  return view(row);
}

export async function putBusinessHours(
  ctx: AppContext,
  tenantId: string,
  actor: Actor,
  body: Static<typeof PutBusinessHours>,
) {
  const timeZone = canonicalZone(body.time_zone);
  if (!timeZone) throw invalid("/time_zone", "is not an IANA time zone");
  const startMinute = minutesOf(body.start_time);
  const endMinute = minutesOf(body.end_time);
  if (endMinute <= startMinute) throw invalid("/end_time", "must be after start_time");
  return ctx.write(async (tx) => {
    const now = ctx.clock.now();
    const before = await find(tx as unknown as ReadDb, tenantId);
    const fields = {
      timeZone,
      workingDays: body.working_days.map((day) => WEEKDAYS.indexOf(day) + 1).sort((a, b) => a - b),
      startMinute,
      endMinute,
      updatedAt: now,
    };
    const [row] = await tx
      .insert(businessHours)
      .values({ tenantId, ...fields, createdAt: now })
      .onConflictDoUpdate({ target: businessHours.tenantId, set: fields })
      .returning();
    const after = view(row);
    await recordChange(tx, {
      tenantId,
      actor,
      entityType: "business_hours",
      entityId: tenantId,
      action: before ? "updated" : "created",
      before: before ? view(before) : null,
      after,
      at: now,
      events: [{ type: "business_hours.updated", data: after }],
    });
    return after;
  });
}

export async function deleteBusinessHours(ctx: AppContext, tenantId: string, actor: Actor) {
  return ctx.write(async (tx) => {
    const now = ctx.clock.now();
    const [row] = await tx
      .delete(businessHours)
      .where(eq(businessHours.tenantId, tenantId))
      .returning();
    if (!row) throw notFound("Business hours");
    const removed = view(row);
    await recordChange(tx, {
      tenantId,
      actor,
      entityType: "business_hours",
      entityId: tenantId,
      action: "deleted",
      before: removed,
      after: null,
      at: now,
      events: [{ type: "business_hours.deleted", data: removed }],
    });
    return removed;
  });
}
