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

/** Parses a comma-separated `tags` query value. */
export const parseTags = (value: string | undefined): string[] =>
  value
    ? value
        .split(",")
        .map((tag) => tag.trim())
        .filter(Boolean)
    : [];
