import { and, asc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import type { ReadDb, WriteTx } from "../db/client";
import { associations } from "../db/schema";
import { recordChange } from "./activity";
import { findCustomFieldObject, scopeResourceOf } from "./custom-fields";
import { forbidden, invalid, notFound } from "./errors";
import { newId } from "./ids";
import { isLiveIn } from "./links";
import { type BoundFilter, listJson, type Page } from "./pagination";
import { sameVersion } from "./record-version";
import { allows } from "./scopes";
import type { WriteScope } from "./writes";

/** One side of a link: an object type (API plural) and a record id. */
export interface RecordRef {
  object: string;
  id: string;
}

type Row = typeof associations.$inferSelect;

/** A link as the event and the activity log show it. */
export const linkView = (row: Row) => ({
  id: row.linkId,
  from_object: row.fromObject,
  from_id: row.fromId,
  to_object: row.toObject,
  to_id: row.toId,
  label: row.label || null,
  created_at: row.createdAt.toISOString(),
});
export type LinkView = ReturnType<typeof linkView>;

/** A linked record as its owner's association list shows it. */
export const linkedView = (row: Row) => ({
  id: row.toId,
  object: row.toObject,
  label: row.label || null,
  link_id: row.linkId,
  created_at: row.createdAt.toISOString(),
});

/** Called after the links between `object` and `toObject` of a record changed (denormalised views). */
type LinkListener = (tx: WriteTx, scope: WriteScope, recordId: string) => Promise<void>;
const listeners = new Map<string, LinkListener>();
const pairKey = (object: string, toObject: string) => `${object}\u0000${toObject}`;

/** A domain that shows some links in its records (deals' contact_ids) keeps them current here. */
export function onLinksChanged(object: string, toObject: string, listener: LinkListener) {
  listeners.set(pairKey(object, toObject), listener);
}

/** Whether `object`'s records show their links to `toObject` in their own fields (deals' contact_ids). */
export const showsLinksIn = (object: string, toObject: string) =>
  listeners.has(pairKey(object, toObject));

/**
 * How a link change was made: `byOwner` when the service of the `from`
 * record makes it while writing that record, and keeps its view of its
 * links itself (a deal's create or PATCH sets its contact_ids): its
 * listener is not called back, only the other side's.
 */
export interface LinkWrite {
  byOwner?: boolean;
}

async function notify(tx: WriteTx, scope: WriteScope, row: Row, how: LinkWrite) {
  if (!how.byOwner)
    await listeners.get(pairKey(row.fromObject, row.toObject))?.(tx, scope, row.fromId);
  await listeners.get(pairKey(row.toObject, row.fromObject))?.(tx, scope, row.toId);
}

/** The object type named `name` (built-in, or the tenant's custom object), or 404. */
export async function requireObject(db: ReadDb | WriteTx, tenantId: string, name: string) {
  const object = await findCustomFieldObject(db, tenantId, name);
  if (!object) throw notFound("Object type");
  return object;
}

/** The record, live in the tenant, or 404 (`path` set: 422 there, for a body's ids). */
export async function assertRecord(
  db: ReadDb | WriteTx,
  tenantId: string,
  ref: RecordRef,
  path?: string,
): Promise<void> {
  const object = await requireObject(db, tenantId, ref.object);
  if (!(await isLiveIn(db, object, tenantId, ref.id)))
    throw path ? invalid(path, "does not exist") : notFound("Record");
}

const pairOf = (tenantId: string, from: RecordRef, to: RecordRef): SQL =>
  and(
    eq(associations.tenantId, tenantId),
    eq(associations.fromObject, from.object),
    eq(associations.fromId, from.id),
    eq(associations.toObject, to.object),
    eq(associations.toId, to.id),
  ) as SQL;

async function recordLink(
  tx: WriteTx,
  scope: WriteScope,
  row: Row,
  action: "created" | "deleted",
  how: LinkWrite,
) {
  const view = linkView(row);
  await recordChange(tx, {
    tenantId: scope.tenantId,
    actor: scope.actor,
    entityType: "association",
    entityId: row.linkId,
    action,
    before: action === "deleted" ? view : null,
    after: action === "created" ? view : null,
    at: scope.now,
    events: [{ type: `association.${action}`, data: view }],
  });
  await notify(tx, scope, row, how);
}

/**
 * Links two live records of the tenant with a label (null: none), both
 * directions, with its activity row and association.created. Linking
 * again with the same label changes nothing; returns whether it linked.
 */
export async function link(
  tx: WriteTx,
  scope: WriteScope,
  from: RecordRef,
  to: RecordRef,
  label: string | null,
  how: LinkWrite = {},
): Promise<boolean> {
  if (from.object === to.object && from.id === to.id)
    throw invalid("/id", "a record cannot be linked to itself");
  const existing = await tx
    .select({ linkId: associations.linkId })
    .from(associations)
    .where(and(pairOf(scope.tenantId, from, to), eq(associations.label, label ?? "")));
  if (existing.length) return false;
  const linkId = newId();
  const base = { linkId, tenantId: scope.tenantId, label: label ?? "", createdAt: scope.now };
  const row: Row = {
    ...base,
    fromObject: from.object,
    fromId: from.id,
    toObject: to.object,
    toId: to.id,
  };
  await tx
    .insert(associations)
    .values([
      row,
      { ...base, fromObject: to.object, fromId: to.id, toObject: from.object, toId: from.id },
    ]);
  await recordLink(tx, scope, row, "created", how);
  return true;
}

/** Removes links (both directions) with their events; returns how many. */
async function removeLinks(
  tx: WriteTx,
  scope: WriteScope,
  where: SQL,
  how: LinkWrite = {},
): Promise<number> {
  const rows = await tx
    .select()
    .from(associations)
    .where(where)
    .orderBy(asc(associations.createdAt), asc(associations.linkId));
  for (const row of rows) {
    await tx.delete(associations).where(eq(associations.linkId, row.linkId));
    await recordLink(tx, scope, row, "deleted", how);
  }
  return rows.length;
}

/** Unlinks two records: the link with `label`, or every link between them when undefined. */
export const unlink = (
  tx: WriteTx,
  scope: WriteScope,
  from: RecordRef,
  to: RecordRef,
  label?: string | null,
  how: LinkWrite = {},
): Promise<number> =>
  removeLinks(
    tx,
    scope,
    and(
      pairOf(scope.tenantId, from, to),
      label === undefined ? undefined : eq(associations.label, label ?? ""),
    ) as SQL,
    how,
  );

/**
 * Removes every link of a record to `toObject` (or to anything: a deleted
 * record's links go in its own transaction), with events.
 */
export const unlinkAll = (tx: WriteTx, scope: WriteScope, from: RecordRef, toObject?: string) =>
  removeLinks(
    tx,
    scope,
    and(
      eq(associations.tenantId, scope.tenantId),
      eq(associations.fromObject, from.object),
      eq(associations.fromId, from.id),
      toObject === undefined ? undefined : eq(associations.toObject, toObject),
    ) as SQL,
  );

/**
 * Removes every link of every record of `object` in the tenant, with
 * events: what a removed object type leaves behind.
 */
export const unlinkObject = (tx: WriteTx, scope: WriteScope, object: string) =>
  removeLinks(
    tx,
    scope,
    and(eq(associations.tenantId, scope.tenantId), eq(associations.fromObject, object)) as SQL,
  );

/** A record's links to `toObject` (every object when undefined), optionally one label, oldest first. */
export async function linksOf(
  db: ReadDb | WriteTx,
  tenantId: string,
  from: RecordRef,
  toObject?: string,
  label?: string,
) {
  const rows = await (db as ReadDb)
    .select()
    .from(associations)
    .where(
      and(
        eq(associations.tenantId, tenantId),
        eq(associations.fromObject, from.object),
        eq(associations.fromId, from.id),
        toObject === undefined ? undefined : eq(associations.toObject, toObject),
        label === undefined ? undefined : eq(associations.label, label),
      ),
    )
    .orderBy(asc(associations.createdAt), asc(associations.toId));
  return rows.map(linkedView);
}

type LinksByObject = Record<string, Array<ReturnType<typeof linkedView>>>;

/** Whether a key with `scopes` reads records of `object` (its `<resource>:read`), and so links to them. */
export const readsObject = (scopes: ReadonlySet<string>, object: string): boolean =>
  allows(scopes, `${scopeResourceOf(object)}:read`);

/** The links grouped by object type, leaving out those to object types the key may not read. */
function groupByObject(
  linked: Array<ReturnType<typeof linkedView>>,
  scopes: ReadonlySet<string>,
): LinksByObject {
  const grouped: LinksByObject = {};
  const readable = new Map<string, boolean>();
  for (const one of linked) {
    if (!readable.has(one.object)) readable.set(one.object, readsObject(scopes, one.object));
    if (!readable.get(one.object)) continue;
    grouped[one.object] ??= [];
    grouped[one.object].push(one);
  }
  return grouped;
}

/**
 * Every link of a record, grouped by object type (`include=associations`):
 * only those to object types the key (`scopes`) may read.
 */
export async function associationsOf(
  db: ReadDb | WriteTx,
  tenantId: string,
  scopes: ReadonlySet<string>,
  from: RecordRef,
) {
  return groupByObject(await linksOf(db, tenantId, from), scopes);
}

/**
 * A record's view, with its links when the request says
 * `include=associations` (those the key, `scopes`, may read: see associationsOf).
 */
export async function includeAssociations<T extends { id: string }>(
  db: ReadDb,
  tenantId: string,
  scopes: ReadonlySet<string>,
  object: string,
  record: T,
  include: string | undefined,
): Promise<T & { associations?: Awaited<ReturnType<typeof associationsOf>> }> {
  if (include !== "associations") return record;
  const associations = await associationsOf(db, tenantId, scopes, { object, id: record.id });
  return sameVersion({ ...record, associations }, record);
}

/** The query parameters of a list that supports links (`associated_with`, `include=associations`). */
export interface LinkedListQuery {
  include?: string;
  associated_with?: string;
}

/**
 * A list's answer (listJson, keyed by `listName`, by default `object`): the
 * page `list` reads, each record with its links when the request says
 * `include=associations` (those the key, `scopes`, may read). A filter by
 * association to an object type the key may not read answers 403 before
 * anything is read: which records are linked to it is not the key's to know.
 */
export async function listWithLinks<T extends { id: string }>(
  db: ReadDb,
  tenantId: string,
  scopes: ReadonlySet<string>,
  object: string,
  query: LinkedListQuery,
  list: () => Promise<Page<T>>,
  listName = object,
): Promise<Response> {
  const linkedTo = query.associated_with?.split(":")[0];
  if (linkedTo && !readsObject(scopes, linkedTo))
    throw forbidden(`Missing permission: ${scopeResourceOf(linkedTo)}:read`);
  const page = await list();
  return listJson(listName, await pageWithLinks(db, tenantId, scopes, object, page, query.include));
}

/** A list page, each record with its links when `include=associations`: one query for the whole page. */
async function pageWithLinks<T extends { id: string }>(
  db: ReadDb,
  tenantId: string,
  scopes: ReadonlySet<string>,
  object: string,
  page: Page<T>,
  include: string | undefined,
): Promise<Page<T & { associations?: LinksByObject }>> {
  if (include !== "associations" || page.items.length === 0) return page;
  const rows = await db
    .select()
    .from(associations)
    .where(
      and(
        eq(associations.tenantId, tenantId),
        eq(associations.fromObject, object),
        inArray(
          associations.fromId,
          page.items.map((item) => item.id),
        ),
      ),
    )
    .orderBy(asc(associations.createdAt), asc(associations.toId));
  const byRecord = new Map<string, Array<ReturnType<typeof linkedView>>>();
  for (const row of rows) {
    const linked = byRecord.get(row.fromId) ?? [];
    linked.push(linkedView(row));
    byRecord.set(row.fromId, linked);
  }
  const items = page.items.map((item) => ({
    ...item,
    associations: groupByObject(byRecord.get(item.id) ?? [], scopes),
  }));
  return { ...page, items };
}

/**
 * `associated_with=<object>:<id>[:<label>]`: the list's records linked to
 * that record (with that label), through the association index.
 */
export function associatedWith(
  tenantId: string,
  object: string,
  idColumn: SQLiteColumn,
  value: string | undefined,
): BoundFilter | undefined {
  if (value === undefined) return undefined;
  // The label is the rest: it may hold colons itself.
  const [toObject, toId, ...rest] = value.split(":");
  const label = rest.length ? rest.join(":") : undefined;
  if (!toObject || !toId)
    throw invalid("/associated_with", "must be <object>:<id> or <object>:<id>:<label>");
  const a = associations;
  return {
    shape: `assoc:${label !== undefined}`,
    values:
      label === undefined
        ? [tenantId, toObject, toId, object]
        : [tenantId, toObject, toId, object, label],
    build: ([tenant, otherObject, otherId, self, wanted]) =>
      sql`${idColumn} in (select ${a.toId} from ${a} where ${a.tenantId} = ${tenant} and ${a.fromObject} = ${otherObject} and ${a.fromId} = ${otherId} and ${a.toObject} = ${self}${wanted === undefined ? sql`` : sql` and ${a.label} = ${wanted}`})`,
  };
}
