import { expect, test } from "bun:test";
import type { SQL } from "bun";
import type { Runner } from "../db/pg/database";
import { ReplicaReads, WAL_INSERTED } from "../db/pg/replica";

/** A query as Bun.SQL returns one: a promise of rows, with `.values()`. */
function query(rows: unknown[]) {
  return Object.assign(Promise.resolve(rows), { values: () => Promise.resolve(rows) });
}

/**
 * Rows read on the replica belong to their caller alone: once it drops
 * them they can be collected (each read once stayed reachable from a
 * promise that is pending for as long as the replica is up, and a long
 * download read from the replica held every row it had sent). Checked with
 * weak references, on a replica stand-in that answers at once and is
 * always caught up.
 */
test("a read answered by the replica is not kept once its caller is done with it", async () => {
  const watched: WeakRef<object>[] = [];
  let onReplica = 0;
  const replica = {
    unsafe(sql: string) {
      if (sql.includes("pg_last_wal_replay_lsn")) return query([[1_000]]);
      onReplica++;
      const rows = [{ data: new Uint8Array(64 * 1024) }];
      watched.push(new WeakRef(rows));
      return query(rows);
    },
    close: async () => {},
  } as unknown as SQL;
  const primary: Runner = async (sql) => (sql === WAL_INSERTED ? [[1_000]] : []) as never;
  const reads = new ReplicaReads(primary, replica);
  // The first reads go to the primary while the replica's position is confirmed.
  for (let i = 0; onReplica === 0 && i < 200; i++) {
    await reads.runner("SELECT 1", [], false);
    await Bun.sleep(5);
  }
  expect(onReplica).toBeGreaterThan(0);
  for (let i = 0; i < 300; i++) await reads.runner("SELECT data FROM document_contents", [], false);
  expect(watched.length).toBeGreaterThan(300);
  Bun.gc(true);
  const alive = watched.filter((ref) => ref.deref() !== undefined).length;
  // A conservative collector may keep the odd one reachable from the stack, not hundreds.
  expect(alive).toBeLessThan(30);
  await reads.close();
});
