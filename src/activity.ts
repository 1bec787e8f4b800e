import type { WriteTx } from "../db/client";
import { activityLog, type FieldChanges } from "../db/schema";
import { builtInEventTypes, type EventInput, emit, nextSyncSeq } from "./events";
import { newId } from "./ids";
import { insertValues } from "./prepared";

/** Who made a change: an API key, the operator (admin token or CLI), or crmd itself. */
export interface Actor {
  type: "api_key" | "admin" | "system";
  id: string | null;
  name: string | null;
}

const quietEntityTypes = new Set<string>();

/**
 * Entity types no event type names: logged without events of their own
 * (webhook), or whose events go by another name (calendar_event's are calendar.event.*).
 */
export function registerEntityTypes(types: readonly string[]): void {
  for (const type of types) quietEntityTypes.add(type);
}

/**
 * The entity types every tenant's activity log can hold: each built-in
 * event type's entity, and the quiet ones (a tenant's own object types
 * come on top).
 */
export const entityTypes = (): string[] =>
  [
    ...new Set([...builtInEventTypes().map((type) => type.split(".")[0]), ...quietEntityTypes]),
  ].sort();

/** What a diff leaves out by default: every change moves it. */
const UPDATED_AT: readonly string[] = ["updated_at"];

/** Field-level differences between two API representations. */
export function diff(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
  ignore: readonly string[] = UPDATED_AT,
): FieldChanges {
  const changes: FieldChanges = {};
  if (before)
    for (const key of Object.keys(before)) noteChange(changes, key, before, after, ignore);
  if (after)
    for (const key of Object.keys(after))
      if (!before || !(key in before)) noteChange(changes, key, before, after, ignore);
  return changes;
}

/** Adds `key`'s change to `changes`, unless it is ignored or the same on both sides. */
function noteChange(
  changes: FieldChanges,
  key: string,
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
  ignore: readonly string[],
) {
  if (ignore.includes(key)) return;
  const oldValue = before?.[key] ?? null;
  const newValue = after?.[key] ?? null;
  if (!sameValue(oldValue, newValue)) changes[key] = { old: oldValue, new: newValue };
}

/** Equal as JSON: primitives compared directly, objects and arrays by their JSON. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

export interface ChangeRecord {
  tenantId: string;
  actor: Actor;
  entityType: string;
  entityId: string;
  /** created | updated | deleted | stage_changed | … */
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  at: Date;
  /** Events to emit with this change (entity fields filled in from the record). */
  events?: Array<Pick<EventInput, "type" | "data" | "metadata">>;
}

/**
 * Writes the activity-log row and the events of one change inside the
 * caller's transaction: the change, its history and its events commit
 * together or not at all.
 */
export async function recordChange(tx: WriteTx, change: ChangeRecord): Promise<void> {
  await insertValues(tx, activityLog, {
    id: newId(),
    tenantId: change.tenantId,
    entityType: change.entityType,
    entityId: change.entityId,
    action: change.action,
    actorType: change.actor.type,
    actorId: change.actor.id,
    actorName: change.actor.name,
    changes: diff(change.before, change.after),
    createdAt: change.at,
    syncSeq: await nextSyncSeq(tx),
  });
  for (const event of change.events ?? []) {
    await emit(tx, {
      ...event,
      tenantId: change.tenantId,
      entityType: change.entityType,
      entityId: change.entityId,
      occurredAt: change.at,
    });
  }
}
