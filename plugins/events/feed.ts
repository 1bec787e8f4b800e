import { and, asc, eq, gt, gte, lte } from "drizzle-orm";
import { outboxEvents } from "../../db/schema";
import {
  type AppContext,
  allows,
  invalid,
  isBuiltInEventType,
  matchesSubscription,
  parseTime,
  READ_RESOURCE_OF_ENTITY,
  type Scope,
  scopeResourceOf,
  tenantEventTypes,
} from "../../src/core";
import type { TailEvent } from "./tail";

/** Event cursors are outbox positions, opaque to clients; the same value is an SSE event id. */
export const encodeEventCursor = (seq: number): string =>
  Buffer.from(`e:${seq}`).toString("base64url");

export function decodeEventCursor(cursor: string, path: string): number {
  if (cursor === "") return 0;
  const match = /^e:(\d+)$/.exec(Buffer.from(cursor, "base64url").toString());
  const seq = match ? Number(match[1]) : Number.NaN;
  if (!Number.isSafeInteger(seq))
    throw invalid(path, "is not an event cursor returned by this API");
  return seq;
}

/**
 * Which events a consumer gets: of its tenant, matching its `types`
 * patterns (exact, `prefix.*`, `*`), and only those its key may read. A key
 * that manages webhooks could subscribe to every event, so it sees every
 * event; otherwise an event needs the `:read` scope of its resource (a
 * custom object's: `<plural>:read` or objects:read), an association's
 * event the `:read` scopes of both linked objects, a handoff's event
 * handoffs:read and that of its deal or lead, and events of no
 * resource (sla.*, webhook.test) need webhooks:manage.
 */
export interface EventFilter {
  tenantId: string;
  types: string[];
  scopes: ReadonlySet<Scope>;
  /**
   * The tenant's custom objects: event prefix (singular name) → resource
   * (plural), as they were when last read (learnOwnTypes).
   */
  ownResources: ReadonlyMap<string, string>;
}

const prefixOf = (eventType: string) => eventType.slice(0, eventType.indexOf("."));

async function ownResourcesOf(ctx: AppContext, tenantId: string) {
  // The primary: a type defined a moment ago may not have reached a replica.
  const own = await tenantEventTypes(ctx.db.primaryRead, tenantId);
  return new Map(own.map((e) => [prefixOf(e.type), e.resource]));
}

/** The filter of a consumer of the tenant's events, with the tenant's object types as they are now. */
export async function eventFilter(
  ctx: AppContext,
  tenantId: string,
  types: string | undefined,
  scopes: ReadonlySet<Scope>,
): Promise<EventFilter> {
  const ownResources = await ownResourcesOf(ctx, tenantId);
  return { tenantId, types: parseTypes(types), scopes, ownResources };
}

/**
 * Whether the filter can tell the resource of an event type: not for the
 * events of an object type defined after the filter's types were read,
 * until learnOwnTypes reads them again.
 */
export function knowsType(filter: EventFilter, eventType: string): boolean {
  const prefix = prefixOf(eventType);
  return (
    Object.hasOwn(READ_RESOURCE_OF_ENTITY, prefix) ||
    filter.ownResources.has(prefix) ||
    isBuiltInEventType(eventType)
  );
}

/** Reads the tenant's object types into the filter again. */
export async function learnOwnTypes(ctx: AppContext, filter: EventFilter): Promise<void> {
  filter.ownResources = await ownResourcesOf(ctx, filter.tenantId);
}

export function accepts(
  filter: EventFilter,
  event: Pick<TailEvent, "tenantId" | "eventType" | "body">,
) {
  if (event.tenantId !== filter.tenantId) return false;
  if (!matchesSubscription(filter.types, event.eventType)) return false;
  if (filter.scopes.has("webhooks:manage")) return true;
  const prefix = prefixOf(event.eventType);
  if (prefix === "association") return readsBothEnds(filter.scopes, event.body);
  const resource = READ_RESOURCE_OF_ENTITY[prefix] ?? filter.ownResources.get(prefix);
  if (resource === undefined || !allows(filter.scopes, `${resource}:read`)) return false;
  return prefix !== "handoff" || readsHandedOff(filter.scopes, event.body);
}

/** A handoff event carries its deal or lead: the key must read that too. */
function readsHandedOff(scopes: ReadonlySet<Scope>, body: string): boolean {
  const { data } = JSON.parse(body) as { data: { entity_type: string } };
  return allows(scopes, `${data.entity_type}s:read`);
}

/** A link shows which records are linked: the key must read both object types. */
function readsBothEnds(scopes: ReadonlySet<Scope>, body: string): boolean {
  const { data } = JSON.parse(body) as { data: { from_object: string; to_object: string } };
  return [data.from_object, data.to_object].every((object) =>
    allows(scopes, `${scopeResourceOf(object)}:read`),
  );
}

/** `types=a.*,b.c` → patterns; default every event. */
export function parseTypes(value: string | undefined): string[] {
  const types = (value ?? "*")
    .split(",")
    .map((t) => t.trim())
    .filter(Boolean);
  return types.length ? types : ["*"];
}

export interface EventPage {
  events: TailEvent[];
  /** The position read up to: continue from here. */
  position: number;
  has_more: boolean;
}

/** Rows a page reads at most, filtered or not: a sparse filter ends a page early with has_more. */
const SCAN_LIMIT = 5000;

/**
 * The tenant's events after `after` (in commit order) that `filter` accepts,
 * at most `limit`, reading at most SCAN_LIMIT outbox rows. `upTo` is a
 * position already read elsewhere, possibly from the primary: those rows
 * are read from the primary too, as a replica may not have them yet.
 */
export async function readEvents(
  ctx: AppContext,
  filter: EventFilter,
  after: number,
  limit: number,
  options: { since?: Date; upTo?: number } = {},
): Promise<EventPage> {
  const rows = await (options.upTo === undefined ? ctx.db.read : ctx.db.primaryRead)
    .select({
      seq: outboxEvents.seq,
      tenantId: outboxEvents.tenantId,
      eventType: outboxEvents.eventType,
      body: outboxEvents.body,
    })
    .from(outboxEvents)
    .where(
      and(
        eq(outboxEvents.tenantId, filter.tenantId),
        gt(outboxEvents.seq, after),
        options.upTo === undefined ? undefined : lte(outboxEvents.seq, options.upTo),
        options.since ? gte(outboxEvents.occurredAt, options.since) : undefined,
      ),
    )
    .orderBy(asc(outboxEvents.seq))
    .limit(SCAN_LIMIT);
  const events: TailEvent[] = [];
  let position = after;
  let learned = false;
  for (const row of rows) {
    if (!learned && !knowsType(filter, row.eventType)) {
      await learnOwnTypes(ctx, filter);
      learned = true;
    }
    if (accepts(filter, row)) {
      if (events.length === limit) return { events, position, has_more: true };
      events.push(row);
    }
    position = row.seq;
  }
  return { events, position, has_more: rows.length === SCAN_LIMIT };
}

export const sinceOf = (since: string | undefined) =>
  since === undefined ? undefined : parseTime(since, "/since");
