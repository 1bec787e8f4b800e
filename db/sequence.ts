import { eq, sql } from "drizzle-orm";
import type { WriteTx } from "./client";
import { batchOf } from "./group-commit";
import { counters } from "./schema";
import { queryOwner } from "./shared-queries";

const SYNC = "sync";

/**
 * The counter's read and write, built once per handle (the embedded write
 * handle lives as long as its database, PostgreSQL's batches share theirs:
 * db/shared-queries.ts; a remote libSQL transaction builds them once per
 * transaction).
 */
const queriesByHandle = new WeakMap<object, ReturnType<typeof buildCounterQueries>>();
const buildCounterQueries = (tx: WriteTx) => ({
  read: tx
    .select({ value: counters.value })
    .from(counters)
    .where(eq(counters.name, SYNC))
    .prepare(),
  write: tx
    .update(counters)
    .set({ value: sql`${sql.placeholder("value")}` })
    .where(eq(counters.name, SYNC))
    .prepare(),
});
function counterQueries(tx: WriteTx) {
  const owner = queryOwner(tx);
  let queries = queriesByHandle.get(owner);
  if (!queries) {
    queries = buildCounterQueries(tx);
    queriesByHandle.set(owner, queries);
  }
  return queries;
}

/**
 * Reserves `n` numbers of the global sync sequence; returns the first. In a
 * group-commit batch the counter is read once and written once, just before
 * the batch commits; the writes in between take numbers from memory (two
 * updates of one hot row per deal were a fifth of a `POST`). The batch holds
 * the write lock from start to COMMIT (SQLite's, or on PostgreSQL the writer
 * lock every instance's batches take: db/pg/database.ts), so no other writer
 * takes numbers meanwhile and numbers follow commit order; a write rolled
 * back leaves a gap, never a number used twice.
 */
export async function reserveSyncSeq(tx: WriteTx, n = 1): Promise<number> {
  const batch = batchOf(tx);
  if (!batch) throw new Error("sync numbers are reserved inside db.transaction()");
  let block = batch.values.get(SYNC) as { last: number } | undefined;
  if (!block) {
    const { read, write } = counterQueries(tx);
    const [row] = await read.all();
    const opened = { last: row.value };
    block = opened;
    batch.values.set(SYNC, opened);
    batch.beforeCommit(async () => {
      await write.run({ value: opened.last });
    });
  }
  const first = block.last + 1;
  block.last += n;
  return first;
}
