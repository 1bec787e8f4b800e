import { getTableName, type SQL } from "drizzle-orm";
import type { ReadDb, WriteTx } from "../db/client";
import { type CustomFieldObject, isSharedTable } from "./custom-fields/registry";
import { invalid } from "./errors";
import type { SyncedTable } from "./pagination";
import { isLive } from "./writes";

/**
 * What a link names: a table whose rows are all one object type's, or an
 * object type that says which rows are its own (a custom object, in the
 * table all custom objects share).
 */
export type LinkTarget = SyncedTable | CustomFieldObject;

const isObject = (target: LinkTarget): target is CustomFieldObject =>
  typeof (target as CustomFieldObject).live === "function";

/** The condition for the live row `id` of the tenant in `target`. */
function liveIn(target: LinkTarget, tenantId: string, id: string): SQL {
  if (isObject(target)) return target.live(tenantId, id);
  // By the table alone, a shared table would take any object type's row.
  if (isSharedTable(target))
    throw new Error(`${getTableName(target)} holds several object types: link to one of them`);
  return isLive(target, tenantId, id);
}

/** Whether `id` names a live row of the tenant in `target` (of the object type, for an object). */
export async function isLiveIn(
  db: ReadDb | WriteTx,
  target: LinkTarget,
  tenantId: string,
  id: string,
): Promise<boolean> {
  const table = isObject(target) ? target.table : target;
  const rows = await (db as ReadDb)
    .select({ id: table.id })
    .from(table)
    .where(liveIn(target, tenantId, id))
    .limit(1);
  return rows.length > 0;
}

/**
 * Checks that a linked id names a live row of the same tenant (and of the
 * object type, for an object); otherwise 422 at `path`. A missing and a
 * foreign id answer alike, so nothing leaks.
 */
export async function assertLinked(
  db: ReadDb | WriteTx,
  target: LinkTarget,
  tenantId: string,
  id: string | null | undefined,
  path: string,
): Promise<void> {
  if (id === null || id === undefined) return;
  if (!(await isLiveIn(db, target, tenantId, id))) throw invalid(path, "does not exist");
}

/**
 * assertLinked for each `field → table` of `links` that `body` gives: every
 * link must name a live row of the tenant, 422 at `/<field>` otherwise. An
 * update passes the record's `current` links: an id it already holds passes
 * unchecked, as a link kept after its record was deleted may be sent back
 * unchanged.
 */
export async function assertLinks<Field extends string>(
  db: ReadDb | WriteTx,
  tenantId: string,
  body: Partial<Record<NoInfer<Field>, string | null>>,
  links: Record<Field, SyncedTable>,
  current: Partial<Record<NoInfer<Field>, string | null>> = {},
): Promise<void> {
  for (const field of Object.keys(links) as Field[])
    if (body[field] !== current[field])
      await assertLinked(db, links[field], tenantId, body[field], `/${field}`);
}

/** Parses a comma-separated `tags` query value. */
export const parseTags = (value: string | undefined): string[] =>
  value
    ? value
        .split(",")
        .map((tag) => tag.trim())
        .filter(Boolean)
    : [];
