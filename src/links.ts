import type { ReadDb, WriteTx } from "../db/client";
import { invalid } from "./errors";
import type { SyncedTable } from "./pagination";
import { isLive } from "./writes";

/**
 * Checks that a linked id names a live row of the same tenant; otherwise 422
 * at `path`. A missing and a foreign id answer alike, so nothing leaks.
 */
export async function assertLinked(
  db: ReadDb | WriteTx,
  table: SyncedTable,
  tenantId: string,
  id: string | null | undefined,
  path: string,
): Promise<void> {
  if (id === null || id === undefined) return;
  const rows = await (db as ReadDb)
    .select({ id: table.id })
    .from(table)
    .where(isLive(table, tenantId, id))
    .limit(1);
  if (rows.length === 0) throw invalid(path, "does not exist");
}

/**
 * assertLinked for each `field → table` of `links` that `body` gives: every
 * link must name a live row of the tenant, 422 at `/<field>` otherwise.
 */
export async function assertLinks<Field extends string>(
  db: ReadDb | WriteTx,
  tenantId: string,
  body: Partial<Record<NoInfer<Field>, string | null>>,
  links: Record<Field, SyncedTable>,
): Promise<void> {
  for (const field of Object.keys(links) as Field[])
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
