import { and, eq, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import type { ReadDb, WriteTx } from "../../db/client";
import { invalid } from "../errors";
import type { SyncedTable } from "../pagination";
import { isLive } from "../writes";

/** A record table that carries `custom_fields`. */
export type CustomFieldTable = SyncedTable & { customFields: SQLiteColumn };

/** How a plugin describes an object type that takes custom fields. */
export interface CustomFieldObjectSpec {
  /** Its API name: the plural of its routes. */
  name: string;
  /** The resource of its scopes when not its name (MLS properties: `mls`). */
  scope?: string;
  table: CustomFieldTable;
  /** On a table several object types share (custom records): the column that holds the type's name. */
  objectColumn?: SQLiteColumn;
  /** A custom object's primary field (its records' `display`): it stays while it is the primary one. */
  primaryField?: string;
  /** After a field's stored values were converted: what the object derives from them follows. */
  valuesConverted?: (tx: WriteTx, key: string) => Promise<void>;
}

/**
 * An object type that takes custom fields: its API name and where its
 * records live. Its records are found through `records` and `live` only:
 * on a table several types share, the table alone would take another
 * type's record for one of its own.
 */
export interface CustomFieldObject {
  name: string;
  scope?: string;
  table: CustomFieldTable;
  primaryField?: string;
  valuesConverted?: (tx: WriteTx, key: string) => Promise<void>;
  /** The object's records in the tenant, deleted ones too. */
  records(tenantId: string): SQL;
  /** The object's live record `id` in the tenant. */
  live(tenantId: string, id: string): SQL;
}

/** Tables that hold several object types' records: never looked up by the table alone. */
const sharedTables = new WeakSet<object>();

/** Whether `table` holds several object types' records (a lookup needs the object, not the table). */
export const isSharedTable = (table: object): boolean => sharedTables.has(table);

/** The object type a spec describes, its record conditions built once here. */
export function customFieldObject(spec: CustomFieldObjectSpec): CustomFieldObject {
  const { name, scope, table, objectColumn, primaryField, valuesConverted } = spec;
  if (objectColumn) sharedTables.add(table);
  const records = (tenantId: string) =>
    and(eq(table.tenantId, tenantId), objectColumn ? eq(objectColumn, name) : undefined) as SQL;
  return {
    name,
    scope,
    table,
    primaryField,
    valuesConverted,
    records,
    live: (tenantId, id) => and(isLive(table, tenantId, id), records(tenantId)) as SQL,
  };
}

const builtIn = new Map<string, CustomFieldObject>();
type Resolver = (
  db: ReadDb | WriteTx,
  tenantId: string,
  name: string,
) => Promise<CustomFieldObject | undefined>;
const resolvers: Resolver[] = [];

/** Built-in objects register themselves when their plugin loads. */
export function registerCustomFieldObject(spec: CustomFieldObjectSpec): void {
  builtIn.set(spec.name, customFieldObject(spec));
}

/** The resource whose `:read` / `:write` scopes guard an object type. */
export const scopeResourceOf = (name: string): string => builtIn.get(name)?.scope ?? name;

/** Object types defined per tenant (custom objects) are found by a resolver (customFieldObject makes what it returns). */
export function registerObjectResolver(resolver: Resolver): void {
  resolvers.push(resolver);
}

type Lister = (db: ReadDb | WriteTx, tenantId: string) => Promise<string[]>;
const listers: Lister[] = [];

/** Object types defined per tenant list their names for the tenant (global search). */
export function registerObjectLister(lister: Lister): void {
  listers.push(lister);
}

/** The names of the tenant's object types defined per tenant (custom objects' plurals). */
export async function tenantObjectNames(db: ReadDb | WriteTx, tenantId: string) {
  return (await Promise.all(listers.map((list) => list(db, tenantId)))).flat();
}

/** The object named `name` for the tenant, or undefined. */
export async function findCustomFieldObject(
  db: ReadDb | WriteTx,
  tenantId: string,
  name: string,
): Promise<CustomFieldObject | undefined> {
  const known = builtIn.get(name);
  if (known) return known;
  for (const resolve of resolvers) {
    const found = await resolve(db, tenantId, name);
    if (found) return found;
  }
  return undefined;
}

/** The object named `name`, or 422 at `path`. */
export async function requireCustomFieldObject(
  db: ReadDb | WriteTx,
  tenantId: string,
  name: string,
  path: string,
): Promise<CustomFieldObject> {
  const found = await findCustomFieldObject(db, tenantId, name);
  if (!found)
    throw invalid(
      path,
      `is not an object type (${[...builtIn.keys()].join(", ")}, or a custom object's plural)`,
    );
  return found;
}
