import type { ReadDb, WriteTx } from "../db/client";
import { outboxEvents } from "../db/schema";
import { reserveSyncSeq } from "../db/sequence";
import { isoTime, newEventId } from "./ids";
import { insertValues } from "./prepared";
import { traceparentNow } from "./tracing";

/**
 * Every event type crmd can emit. Plugins add theirs with registerEventTypes;
 * webhook subscriptions are validated against this catalogue.
 */
const catalogue = new Set<string>([
  // seed 001's table
  "deal.created",
  "deal.updated",
  "deal.stage_changed",
  "deal.won",
  "deal.lost",
  "lead.created",
  "lead.updated",
  "lead.qualified",
  "lead.disqualified",
  "task.created",
  "task.completed",
  "task.overdue",
  "sla.breach",
  "sla.warning",
  "handoff.initiated",
  "handoff.completed",
  // DESIGN's additions
  "deal.deleted",
  "lead.deleted",
  "task.updated",
  "task.deleted",
]);

export function registerEventTypes(types: readonly string[]): void {
  for (const type of types) catalogue.add(type);
}

/**
 * Event types of things tenants define (custom objects), once any tenant
 * defines one: they count wherever the catalogue's do, but stay out of the
 * API document, which is the same for every caller and would show one
 * tenant's names to all.
 */
const tenantDefined = new Set<string>();

export function registerTenantDefinedEventTypes(types: readonly string[]): void {
  for (const type of types) tenantDefined.add(type);
}

/** crmd's own event types: those the API document describes. */
export const builtInEventTypes = (): string[] => [...catalogue].sort();
export const isBuiltInEventType = (type: string): boolean => catalogue.has(type);

export const eventTypes = (): string[] => [...new Set([...catalogue, ...tenantDefined])].sort();

/** An event type one tenant defined (a custom object's), with the resource whose `:read` shows it. */
export interface TenantEventType {
  type: string;
  resource: string;
}
type TenantEventSource = (db: ReadDb, tenantId: string) => Promise<TenantEventType[]>;
const tenantSources: TenantEventSource[] = [];

/** A plugin whose tenants define event types of their own reads them with `source`. */
export function registerTenantEventTypes(source: TenantEventSource): void {
  tenantSources.push(source);
}

/**
 * The tenant's own event types, read from the database on every call: a
 * type defined through another instance counts at once, without a restart.
 */
export async function tenantEventTypes(db: ReadDb, tenantId: string): Promise<TenantEventType[]> {
  return (await Promise.all(tenantSources.map((source) => source(db, tenantId)))).flat();
}
export const isKnownEventType = (type: string): boolean =>
  catalogue.has(type) || tenantDefined.has(type);

export interface EventInput {
  tenantId: string;
  type: string;
  /** Full entity, as the API shows it. */
  data: unknown;
  metadata?: Record<string, unknown>;
  entityType?: string;
  entityId?: string;
  /** When the event happened; defaults to now. */
  occurredAt: Date;
}

export interface EventPayload {
  id: string;
  event_type: string;
  timestamp: string;
  tenant_id: string;
  data: unknown;
  metadata: Record<string, unknown>;
}

/**
 * Records an event in the outbox inside the caller's transaction, so the
 * change and its event commit together or not at all.
 */
export async function emit(tx: WriteTx, event: EventInput): Promise<EventPayload> {
  const payload: EventPayload = {
    id: newEventId(),
    event_type: event.type,
    timestamp: isoTime(event.occurredAt),
    tenant_id: event.tenantId,
    data: event.data,
    metadata: event.metadata ?? {},
  };
  await insertValues(tx, outboxEvents, {
    id: payload.id,
    tenantId: event.tenantId,
    eventType: event.type,
    entityType: event.entityType ?? null,
    entityId: event.entityId ?? null,
    body: JSON.stringify(payload),
    occurredAt: event.occurredAt,
    traceParent: traceparentNow(),
  });
  return payload;
}

/**
 * Next value of the global sync sequence. Writes are serialised, so the
 * value orders rows by their last change: keyset cursors over it never miss
 * a row that changes while a client pages.
 */
export const nextSyncSeq = (tx: WriteTx): Promise<number> => reserveSyncSeq(tx, 1);

/** `n` consecutive sync numbers for one statement that changes `n` rows; returns the first. */
export const reserveSyncSeqs = (tx: WriteTx, n: number): Promise<number> => reserveSyncSeq(tx, n);
