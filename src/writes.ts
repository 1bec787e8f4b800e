import { and, eq, isNull, type SQL } from "drizzle-orm";
import type { ReadDb, WriteTx } from "../db/client";
import { type Actor, diff, recordChange } from "./activity";
import type { AppContext } from "./context";
import { notFound } from "./errors";
import { nextSyncSeq } from "./events";
import type { SyncedTable } from "./pagination";
import { insertValues } from "./prepared";

/** Who writes, for which tenant, at what time: what every service write needs. */
export interface WriteScope {
  tenantId: string;
  actor: Actor;
  now: Date;
}

/**
 * The write scope of a request: its tenant and actor, and the time its write
 * is stamped with. That time is read from the app clock when first asked
 * for, which is when the write runs in its transaction: after every write
 * committed before it (on PostgreSQL, after the writer lock is taken), so
 * change times follow commit order and a `since` poll from the newest
 * `updated_at` it saw misses no later commit. Read a moment after the
 * request arrived, a write that waited for the commit of others was stamped
 * before theirs and committed after them. Code that reads `now` before its
 * write fixes it there.
 */
export function writeScope(ctx: AppContext, tenantId: string, actor: Actor): WriteScope {
  let now: Date | undefined;
  return {
    tenantId,
    actor,
    get now() {
      now ??= ctx.clock.now();
      return now;
    },
  };
}

/** The object without its undefined entries: fields absent from a PATCH change nothing. */
export function presentFields<T extends object>(
  fields: T,
): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };
}

/**
 * True when a partial update (`undefined` = field not given) would change
 * any column of `row`: services skip no-op writes (no activity row, no event).
 */
export function hasChanges<Row extends object>(row: Row, patch: Partial<Row>): boolean {
  return Object.entries(presentFields(patch)).some(
    ([key, value]) => JSON.stringify(value) !== JSON.stringify(row[key as keyof Row]),
  );
}

/** The names of the API fields that differ between two views (an `*.updated` event's metadata). */
export const changedFields = (before: object, after: object): string[] =>
  Object.keys(diff(before as Record<string, unknown>, after as Record<string, unknown>));

export interface EntityEvent {
  type: string;
  data: unknown;
  metadata?: Record<string, unknown>;
}

/** recordChange within a write scope: one entity's activity row and events. */
export function recordEntityChange<View extends { id: string }>(
  tx: WriteTx,
  scope: WriteScope,
  change: { entityType: string; action: string; before: View | null; after: View },
  events: EntityEvent[],
) {
  return recordChange(tx, {
    tenantId: scope.tenantId,
    actor: scope.actor,
    entityType: change.entityType,
    entityId: change.after.id,
    action: change.action,
    before: change.before,
    after: change.after,
    at: scope.now,
    events,
  });
}

/** The row `id` of the tenant, unless it is deleted. */
export const isLive = (table: SyncedTable, tenantId: string, id: string): SQL =>
  and(eq(table.id, id), eq(table.tenantId, tenantId), isNull(table.deletedAt)) as SQL;

/** A live row of the tenant, or 404 `<name> not found`: another tenant's row is never visible. */
export async function findLive<T extends SyncedTable>(
  db: ReadDb | WriteTx,
  table: T,
  tenantId: string,
  id: string,
  name: string,
): Promise<T["$inferSelect"]> {
  const [row] = await (db as ReadDb)
    .select()
    .from(table as SyncedTable)
    .where(isLive(table, tenantId, id));
  if (!row) throw notFound(name);
  return row as T["$inferSelect"];
}

/** The columns crmd stamps on every new synced row. */
type Stamps = "tenantId" | "createdAt" | "updatedAt" | "deletedAt" | "syncSeq";

export interface NewRow<T extends SyncedTable, View> {
  table: T;
  /** Every column but the stamps (tenant, times, sync_seq). */
  row: Omit<T["$inferSelect"], Stamps>;
  /** Activity entity type; the event is `<entityType>.created` unless `events` says otherwise. */
  entityType: string;
  /** The API view: the activity row's `after` and the event's data. */
  view: (row: T["$inferSelect"]) => View;
  events?: (after: View) => EntityEvent[];
}

/**
 * Inserts a synced row inside `tx`, stamped with the scope's tenant and time
 * and a new sync_seq, and writes its activity row and created event.
 */
export async function insertRow<T extends SyncedTable, View extends { id: string }>(
  tx: WriteTx,
  scope: WriteScope,
  target: NewRow<T, View>,
): Promise<{ row: T["$inferSelect"]; view: View }> {
  const row = {
    ...target.row,
    tenantId: scope.tenantId,
    createdAt: scope.now,
    updatedAt: scope.now,
    deletedAt: null,
    syncSeq: await nextSyncSeq(tx),
  } as T["$inferSelect"];
  await insertValues(tx, target.table as SyncedTable, row);
  const view = target.view(row);
  const { entityType } = target;
  const events = target.events?.(view) ?? [{ type: `${entityType}.created`, data: view }];
  await recordEntityChange(
    tx,
    scope,
    { entityType, action: "created", before: null, after: view },
    events,
  );
  return { row, view };
}

export interface RowUpdate<T extends SyncedTable, View> {
  table: T;
  /** The live row, as read in this transaction. */
  row: T["$inferSelect"];
  /** The columns that change (updated_at and sync_seq are added). */
  columns: Partial<T["$inferSelect"]>;
  /** Activity entity type; the event is `<entityType>.updated` with `changed_fields` unless `events` says otherwise. */
  entityType: string;
  view: (row: T["$inferSelect"]) => View;
  events?: (after: View) => EntityEvent[];
}

/** Updates a synced row inside `tx`, with its activity row and updated event. */
export async function updateRow<T extends SyncedTable, View extends { id: string }>(
  tx: WriteTx,
  scope: WriteScope,
  target: RowUpdate<T, View>,
): Promise<{ row: T["$inferSelect"]; view: View }> {
  const before = target.view(target.row);
  // A change that changes nothing writes nothing: no activity row, no event.
  const unchanged = { ...target.row, ...target.columns } as T["$inferSelect"];
  if (changedFields(before, target.view(unchanged)).length === 0)
    return { row: target.row, view: before };
  const columns = { ...target.columns, updatedAt: scope.now, syncSeq: await nextSyncSeq(tx) };
  const table = target.table as SyncedTable;
  await tx.update(table).set(columns).where(eq(table.id, target.row.id));
  const row = { ...target.row, ...columns } as T["$inferSelect"];
  const view = target.view(row);
  const { entityType } = target;
  const metadata = { changed_fields: changedFields(before, view) };
  const events = target.events?.(view) ?? [{ type: `${entityType}.updated`, data: view, metadata }];
  await recordEntityChange(
    tx,
    scope,
    { entityType, action: "updated", before, after: view },
    events,
  );
  return { row, view };
}

export interface SoftDelete<T extends SyncedTable, View, Data> {
  table: T;
  /** The live row, as read in this transaction. */
  row: T["$inferSelect"];
  /** Activity entity type; the event is `<entityType>.deleted` unless `eventType` says otherwise. */
  entityType: string;
  eventType?: string;
  /** The API view the activity row compares. */
  view: (row: T["$inferSelect"]) => View;
  /** The event's data when it is more than `view` (computed fields); defaults to `view`. */
  data?: (row: T["$inferSelect"]) => Data | Promise<Data>;
}

/**
 * Soft-deletes a row inside `tx`: deleted_at, updated_at and sync_seq set
 * (a tombstone for sync feeds), the activity row written and the deleted
 * event emitted. Returns the tombstone row and the event's data.
 */
export async function softDelete<T extends SyncedTable, View extends { id: string }, Data = View>(
  tx: WriteTx,
  scope: WriteScope,
  target: SoftDelete<T, View, Data>,
): Promise<{ row: T["$inferSelect"]; data: Data }> {
  const columns = { deletedAt: scope.now, updatedAt: scope.now, syncSeq: await nextSyncSeq(tx) };
  const table = target.table as SyncedTable;
  await tx.update(table).set(columns).where(eq(table.id, target.row.id));
  const row = { ...target.row, ...columns } as T["$inferSelect"];
  const after = target.view(row);
  const data = target.data ? await target.data(row) : (after as unknown as Data);
  const { entityType } = target;
  await recordEntityChange(
    tx,
    scope,
    { entityType, action: "deleted", before: target.view(target.row), after },
    [{ type: target.eventType ?? `${entityType}.deleted`, data }],
  );
  return { row, data };
}
