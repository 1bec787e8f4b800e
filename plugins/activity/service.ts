import { and, eq, notInArray, type SQL, sql } from "drizzle-orm";
import { activityLog } from "../../db/schema";
import {
  type AppContext,
  allows,
  entityTypes,
  eqIf,
  forbidden,
  invalid,
  listPage,
  READ_RESOURCE_OF_ENTITY,
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

/** The list filters (the index test explains the same ones); `readable` leaves out what the key may not read. */
export function activityFilters(query: ActivityListQueryInput, readable?: SQL) {
  return [
    eqIf(activityLog.entityType, query.entity_type),
    eqIf(activityLog.entityId, query.entity_id),
    eqIf(activityLog.action, query.action),
    readable,
  ];
}

/**
 * The entity types the log can hold for the tenant (built-in ones and its
 * own object types), each with whether `scopes` may read its rows, which
 * needs what the entity's own routes need: its resource's `:read` (a custom
 * object's: `<plural>:read` or objects:read); a handoff's, also deals:read
 * and leads:read (it names one of them); a link's, every other type (it
 * names two records of any types). Webhooks' rows (URLs, headers) and
 * SLA rows need webhooks:manage, whose holder receives every event anyway
 * and so reads every row.
 */
async function entityTypeAccess(
  ctx: AppContext,
  tenantId: string,
  scopes: ReadonlySet<Scope>,
  entityType: string | undefined,
) {
  const manages = allows(scopes, "webhooks:manage");
  const builtIn = entityTypes();
  // With objects:read every object type of the tenant is readable: their
  // names are read only to check an entity_type filter naming one.
  const ownNeeded =
    !(manages || scopes.has("objects:read")) ||
    (entityType !== undefined && !builtIn.includes(entityType));
  const own = new Map(
    ownNeeded
      ? (await tenantEventTypes(ctx.db.read, tenantId)).map((e) => [
          e.type.split(".")[0],
          e.resource,
        ])
      : [],
  );
  const reads = (resource: string) => manages || allows(scopes, `${resource}:read`);
  const access = new Map<string, boolean>();
  for (const type of [...builtIn, ...own.keys()]) {
    const resource = READ_RESOURCE_OF_ENTITY[type] ?? own.get(type);
    access.set(
      type,
      type === "handoff"
        ? reads("handoffs") && reads("deals") && reads("leads")
        : resource === undefined
          ? manages
          : reads(resource),
    );
  }
  const others = [...access].filter(([type]) => !["association", "webhook", "sla"].includes(type));
  access.set(
    "association",
    others.every(([, readable]) => readable),
  );
  return access;
}

/**
 * The filter that leaves out the rows the key may not read. A list of one
 * hidden type is 403, as its own routes are, and an unknown type 422. An
 * entity_type or entity_id filter naming a readable entity needs none
 * (entity ids are unique across types), and keeps its own index; one naming
 * a hidden entity lists nothing.
 */
async function readableRows(
  ctx: AppContext,
  tenantId: string,
  scopes: ReadonlySet<Scope>,
  query: ActivityListQueryInput,
): Promise<SQL | undefined> {
  const access = await entityTypeAccess(ctx, tenantId, scopes, query.entity_type);
  const hidden = [...access].filter(([, readable]) => !readable).map(([type]) => type);
  if (query.entity_type !== undefined) {
    const readable = access.get(query.entity_type);
    // A name the tenant has no type for is refused as a hidden type's would be,
    // unless the key reads every object type: the answer tells no type's existence.
    const readsAllTypes = scopes.has("objects:read") || allows(scopes, "webhooks:manage");
    if (readable === false || (readable === undefined && !readsAllTypes))
      throw forbidden(`Missing permission to read the activity of ${query.entity_type} records`);
    if (readable === undefined) {
      const known = [...access.keys()].sort().join(", ");
      throw invalid("/entity_type", `must be one of: ${known}`);
    }
    return undefined;
  }
  if (hidden.length === 0) return undefined;
  if (query.entity_id === undefined) return notInArray(activityLog.entityType, hidden);
  const [row] = await ctx.db.read
    .select({ type: activityLog.entityType })
    .from(activityLog)
    .where(and(eq(activityLog.tenantId, tenantId), eq(activityLog.entityId, query.entity_id)))
    .limit(1);
  return row && hidden.includes(row.type) ? sql`1 = 0` : undefined;
}

export async function listActivity(
  ctx: AppContext,
  tenantId: string,
  scopes: ReadonlySet<Scope>,
  query: ActivityListQueryInput,
) {
  const readable = await readableRows(ctx, tenantId, scopes, query);
  return listPage({
    db: ctx.db,
    cache: ctx.cache,
    table: activityLog,
    tenantId,
    filters: activityFilters(query, readable),
    query,
    map: activityView,
  });
}
