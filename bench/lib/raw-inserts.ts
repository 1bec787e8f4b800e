import { Database as BunSqlite } from "bun:sqlite";

/**
 * Raw single-row autocommit inserts through bun:sqlite on `dbPath` (WAL,
 * synchronous=NORMAL), per second: the reference of the POST cases.
 */
export function rawInsertRate(dbPath: string, seconds: number): number {
  const db = new BunSqlite(dbPath);
  db.exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000");
  db.exec(
    "CREATE TABLE IF NOT EXISTS bench_raw_inserts (id TEXT PRIMARY KEY, tenant_id TEXT, title TEXT, value INTEGER, created_at INTEGER)",
  );
  const insert = db.prepare("INSERT INTO bench_raw_inserts VALUES (?, ?, ?, ?, ?)");
  const until = performance.now() + seconds * 1000;
  let n = 0;
  for (; performance.now() < until; n++)
    insert.run(crypto.randomUUID(), "raw", `deal ${n}`, n, Date.now());
  db.exec("DROP TABLE bench_raw_inserts");
  db.close();
  return Math.round(n / seconds);
}
