import { eq } from "drizzle-orm";
import type { Database, WriteTx } from "../../db/client";
import type { AppContext, SyncedTable } from "../../src/core";
import { nextSyncSeq } from "../../src/events";
import { newId } from "../../src/ids";

/**
 * Rows written straight into the tables, so tests of one plugin need no
 * other plugin's routes. A context writes through ctx.write (waking its
 * waiters, as the services do); a bare database through a transaction.
 */
type Writer = Pick<AppContext, "write"> | Pick<Database, "transaction">;

const write = <T>(target: Writer, fn: (tx: WriteTx) => Promise<T>) =>
  "write" in target ? target.write(fn) : target.transaction(fn);

/** Inserts a synced row (id, created_at, updated_at = `at` and sync_seq unless given); returns its id. */
export async function insertSynced<T extends SyncedTable>(
  target: Writer,
  table: T,
  values: Record<string, unknown>,
  at: Date,
): Promise<string> {
  const id = (values.id as string | undefined) ?? newId();
  await write(target, async (tx) =>
    tx.insert(table as SyncedTable).values({
      id,
      createdAt: at,
      updatedAt: at,
      syncSeq: await nextSyncSeq(tx),
      ...values,
    } as T["$inferInsert"]),
  );
  return id;
}

/** Changes a synced row's columns as a service would: updated_at = `at`, a new sync_seq. */
export async function updateSynced<T extends SyncedTable>(
  target: Writer,
  table: T,
  id: string,
  fields: Partial<T["$inferInsert"]>,
  at: Date,
): Promise<void> {
  const synced = table as SyncedTable;
  await write(target, async (tx) =>
    tx
      .update(synced)
      .set({ ...fields, updatedAt: at, syncSeq: await nextSyncSeq(tx) })
      .where(eq(synced.id, id)),
  );
}
