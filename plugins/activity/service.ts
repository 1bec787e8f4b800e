import { activityLog } from "../../db/schema";
import {
  type AppContext,
  entityTypes,
  eqIf,
  filterBy,
  forbidden,
  invalid,
  listPage,
  type Scope,
  tenantEventTypes,
} from "../../src/core";
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

/** The list filters (the index test explains the same ones). */
export function activityFilters(query: ActivityListQueryInput) {
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
/** An entity type the tenant's log cannot hold is a 422: built-in types and its own object types are known. */
async function assertEntityType(ctx: AppContext, tenantId: string, type: string) {
  const builtIn = entityTypes();
  if (builtIn.includes(type)) return;
  const own = (await tenantEventTypes(ctx.db.read, tenantId)).map((e) => e.type.split(".")[0]);
  if (own.includes(type)) return;
  const known = [...new Set([...builtIn, ...own])].sort();
  throw invalid("/entity_type", `must be one of: ${known.join(", ")}`);
}

/**
 * A webhook's entries hold its receiver's URL and headers, often the
 * receiver's credentials: like GET /webhooks, only keys with
 * webhooks:manage read them.
 */
function webhookEntries(query: ActivityListQueryInput, scopes: ReadonlySet<Scope>) {
  if (scopes.has("webhooks:manage")) return undefined;
  if (query.entity_type === "webhook")
    throw forbidden(
      "Missing permission: webhooks:manage (webhook entries hold receivers' URLs and headers)",
    );
  return filterBy(activityLog.entityType, "ne", "webhook");
}

export async function listActivity(
  ctx: AppContext,
  tenantId: string,
  query: ActivityListQueryInput,
  scopes: ReadonlySet<Scope>,
) {
  const hidden = webhookEntries(query, scopes);
  if (query.entity_type !== undefined) await assertEntityType(ctx, tenantId, query.entity_type);
  return listPage({
    db: ctx.db,
    cache: ctx.cache,
    table: activityLog,
    tenantId,
    filters: [...activityFilters(query), hidden],
    query,
    map: activityView,
  });
}
