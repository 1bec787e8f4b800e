import type { Database, OffloadableQuery, ReadDb, WriteTx } from "./client";
import { dialect } from "./dialect";
import { GroupCommitter, withSavepoints } from "./group-commit";
import { keyedRows } from "./read-pool";
import * as schema from "./schema";

/**
 * A remote libSQL database through @libsql/client (HTTP or WebSocket):
 * drizzle's libSQL transactions, group-committed like the embedded ones.
 * Loaded only for remote URLs: embedded files never load this client.
 */
export async function openRemote(url: string, authToken?: string): Promise<Database> {
  const { createClient } = await import("@libsql/client/web");
  const { drizzle } = await import("drizzle-orm/libsql/web");
  const client = createClient({ url, authToken });
  const db = drizzle(client);
  const committer = new GroupCommitter<WriteTx>((body) =>
    db.transaction((tx) => body(withSavepoints(tx as unknown as WriteTx))),
  );
  const execute = async (sql: string, args: unknown[] = []) => {
    const result = await client.execute({ sql, args: args as never[] });
    return result.rows.map((row) =>
      Object.fromEntries(result.columns.map((name, i) => [name, row[i]])),
    );
  };
  return {
    kind: "sqlite",
    snapshot: async (fn) => {
      // One stream of the server's (one connection) in a read transaction: SQLite's snapshot.
      const tx = await client.transaction("read");
      try {
        const read = async (sql: string, args: unknown[] = []) => {
          const result = await tx.execute({ sql, args: args as never[] });
          return result.rows.map((row) =>
            Object.fromEntries(result.columns.map((name, i) => [name, row[i]])),
          );
        };
        // Taken at the transaction's first read: now.
        await read("SELECT count(*) FROM sqlite_schema");
        return await fn(read);
      } finally {
        tx.close();
      }
    },
    read: db as unknown as ReadDb,
    primaryRead: db as unknown as ReadDb,
    raw: null,
    bulkWrite: null,
    sharedWindows: null,
    claimTransaction: null,
    sharedCacheMs: null,
    foldCase: null,
    clock: null,
    tables: schema,
    dialect,
    url,
    transaction: (fn) => committer.run(fn),
    execute,
    offload: async <T>(query: OffloadableQuery) => {
      const { sql, params } = query.toSQL();
      const result = await client.execute({ sql, args: params as never[] });
      return keyedRows<T>(
        query,
        result.rows.map((row) => Array.from(row as ArrayLike<unknown>)),
      );
    },
    changeVersion: () => null,
    // Long reads are plain remote queries here: no worker threads to wait for.
    observeCommits: (observer) => {
      committer.observer = observer;
    },
    pool: () => ({ commitQueue: committer.queued, offloadBusy: 0, offloadQueued: 0 }),
    async close() {
      client.close();
    },
  };
}
