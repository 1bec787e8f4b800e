import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import type { ReadDb, WriteTx } from "../../db/client";
import { invalid } from "../errors";
import type { SyncedTable } from "../pagination";

/** A record table that carries `custom_fields`. */
export type CustomFieldTable = SyncedTable & { customFields: SQLiteColumn };

/**
 * An object type that takes custom fields: its API name (the plural of its
 * routes) and where its records live. Custom objects share one table and
 * are told apart by `objectType` (a column compared with their name).
 */
export interface CustomFieldObject {
  name: string;
  /** The resource of its scopes when not its name (MLS properties: `mls`). */
  scope?: string;
  table: CustomFieldTable;
  objectColumn?: SQLiteColumn;
}

const builtIn = new Map<string, CustomFieldObject>();
type Resolver = (
  db: ReadDb | WriteTx,
  tenantId: string,
  name: string,
) => Promise<CustomFieldObject | undefined>;
const resolvers: Resolver[] = [];

/** Built-in objects register themselves when their plugin loads. */
export function registerCustomFieldObject(object: CustomFieldObject): void {
  builtIn.set(object.name, object);
}

/** The resource whose `:read` / `:write` scopes guard an object type. */
export const scopeResourceOf = (name: string): string => builtIn.get(name)?.scope ?? name;

/** Object types defined per tenant (custom objects) are found by a resolver. */
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
