import { and, eq } from "drizzle-orm";
import { activityLog } from "../../db/schema";
import {
  type AppContext,
  allows,
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

/**
 * The list filters (the index test explains the same ones). `hideWebhooks`
 * leaves webhooks' rows out: their changes carry the URL and custom headers
 * (often the receiver's credentials), which only webhooks:manage may read.
 */
export function activityFilters(query: ActivityListQueryInput, hideWebhooks: boolean) {
  return [
    eqIf(activityLog.entityType, query.entity_type),
    eqIf(activityLog.entityId, query.entity_id),
    eqIf(activityLog.action, query.action),
    hideWebhooks ? filterBy(activityLog.entityType, "ne", "webhook") : undefined,
  ];
}

/**
 * Whether the list must leave webhooks' rows out (a list of them only is
 * 403, as GET /webhooks is). Only where it could hold one: an entity_type or entity_id filter naming something else already
 * excludes them, and keeps its own index (entity ids are unique across types).
 */
async function hidesWebhooks(
  ctx: AppContext,
  tenantId: string,
  scopes: ReadonlySet<Scope>,
  query: ActivityListQueryInput,
): Promise<boolean> {
  if (allows(scopes, "webhooks:manage")) return false;
  if (query.entity_type === "webhook")
    throw forbidden(
      "Missing permission: webhooks:manage (webhook entries hold receivers' URLs and headers)",
    );
  if (query.entity_type !== undefined) return false;
  if (query.entity_id === undefined) return true;
  const [webhookRow] = await ctx.db.read
    .select({ id: activityLog.id })
    .from(activityLog)
    .where(
      and(
        eq(activityLog.tenantId, tenantId),
        eq(activityLog.entityType, "webhook"),
        eq(activityLog.entityId, query.entity_id),
      ),
    )
    .limit(1);
  return webhookRow !== undefined;
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

export async function listActivity(
  ctx: AppContext,
  tenantId: string,
  scopes: ReadonlySet<Scope>,
  query: ActivityListQueryInput,
) {
  if (query.entity_type !== undefined) await assertEntityType(ctx, tenantId, query.entity_type);
  return listPage({
    db: ctx.db,
    cache: ctx.cache,
    table: activityLog,
    tenantId,
    filters: activityFilters(query, await hidesWebhooks(ctx, tenantId, scopes, query)),
    query,
    map: activityView,
  });
}
