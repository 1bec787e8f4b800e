import { and, asc, eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { activityLog, outboxEvents } from "../../db/schema";
import type { EventPayload } from "../../src/events";
import type { TestServer } from "./server";

export type StoredEvent = EventPayload & { data: any; metadata: Record<string, any> };

export interface RecordFilter {
  tenantId?: string;
  entityId?: string;
  /** Outbox events only: the event type. */
  type?: string;
}

/** Outbox events matching `filter`, in commit order, as webhook consumers get them. */
export async function outboxOf(db: Database, filter: RecordFilter = {}): Promise<StoredEvent[]> {
  const rows = await db.read
    .select()
    .from(outboxEvents)
    .where(
      and(
        filter.tenantId ? eq(outboxEvents.tenantId, filter.tenantId) : undefined,
        filter.entityId ? eq(outboxEvents.entityId, filter.entityId) : undefined,
        filter.type ? eq(outboxEvents.eventType, filter.type) : undefined,
      ),
    )
    .orderBy(asc(outboxEvents.seq));
  return rows.map((row) => JSON.parse(row.body));
}

/** Activity-log rows matching `filter`, oldest first. */
export function activityRows(db: Database, filter: RecordFilter = {}) {
  return db.read
    .select()
    .from(activityLog)
    .where(
      and(
        filter.tenantId ? eq(activityLog.tenantId, filter.tenantId) : undefined,
        filter.entityId ? eq(activityLog.entityId, filter.entityId) : undefined,
      ),
    )
    .orderBy(asc(activityLog.syncSeq));
}

/** The outbox events written for one entity, in commit order. */
export const eventsFor = (server: TestServer, entityId: string) =>
  outboxOf(server.ctx.db, { entityId });

/** The activity-log rows of one entity, oldest first. */
export const activityFor = (server: TestServer, entityId: string) =>
  activityRows(server.ctx.db, { entityId });

/** How many outbox events and activity rows a tenant has (rollback checks). */
export async function changeCounts(server: TestServer, tenantId: string) {
  const events = await outboxOf(server.ctx.db, { tenantId });
  const activity = await activityRows(server.ctx.db, { tenantId });
  return { events: events.length, activity: activity.length };
}
