import { activityLog } from "../../db/schema";
import { type AppContext, entityTypes, eqIf, invalid, listPage } from "../../src/core";
import type { ActivityListQueryInput, ActivityView } from "./model";

type ActivityRow = typeof activityLog.$inferSelect;

const activityView = (row: ActivityRow): ActivityView => ({
  id: row.id,
  entity_type: row.entityType,
  entity_id: row.entityId,
  action: row.action,
  actor: {
    type: row.actorType as ActivityView["actor"]["type"],
    id: row.actorId,
    name: row.actorName,
  },
  changes: row.changes,
  created_at: row.createdAt.toISOString(),
});

/** The list filters (the index test explains the same ones); an unknown entity type is a 422. */
export function activityFilters(query: ActivityListQueryInput) {
  const known = entityTypes();
  if (query.entity_type !== undefined && !known.includes(query.entity_type))
    throw invalid("/entity_type", `must be one of: ${known.join(", ")}`);
  return [
    eqIf(activityLog.entityType, query.entity_type),
    eqIf(activityLog.entityId, query.entity_id),
    eqIf(activityLog.action, query.action),
  ];
}

/**
 * The log is append-only: `since` means rows written at or after it, and
 * the cursor feed never has tombstones.
 */
export function listActivity(ctx: AppContext, tenantId: string, query: ActivityListQueryInput) {
  return listPage({
    db: ctx.db,
    cache: ctx.cache,
    table: activityLog,
    tenantId,
    filters: activityFilters(query),
    query,
    map: activityView,
  });
}
