import { asc, eq } from "drizzle-orm";
import { activityLog, outboxEvents } from "../../db/schema";
import type { EventPayload } from "../../src/events";
import type { TestServer } from "./server";

/** The outbox events written for one entity, in commit order. */
export async function eventsFor(
  server: TestServer,
  entityId: string,
): Promise<Array<EventPayload & { data: any; metadata: any }>> {
  const rows = await server.ctx.db.read
    .select()
    .from(outboxEvents)
    .where(eq(outboxEvents.entityId, entityId))
    .orderBy(asc(outboxEvents.seq));
  return rows.map((row) => JSON.parse(row.body));
}

/** The activity-log rows of one entity, oldest first. */
export function activityFor(server: TestServer, entityId: string) {
  return server.ctx.db.read
    .select()
    .from(activityLog)
    .where(eq(activityLog.entityId, entityId))
    .orderBy(asc(activityLog.syncSeq));
}

/** How many outbox events and activity rows a tenant has (rollback checks). */
export async function changeCounts(server: TestServer, tenantId: string) {
  const events = await server.ctx.db.read
    .select({ id: outboxEvents.id })
    .from(outboxEvents)
    .where(eq(outboxEvents.tenantId, tenantId));
  const activity = await server.ctx.db.read
    .select({ id: activityLog.id })
    .from(activityLog)
    .where(eq(activityLog.tenantId, tenantId));
  return { events: events.length, activity: activity.length };
}
