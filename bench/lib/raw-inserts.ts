import { Database as BunSqlite } from "bun:sqlite";

/** A rate, and the CPU time per operation (µs): what the rate would be on a core of its own. */
export interface Rate {
  per_s: number;
  cpu_us: number;
}

/**
 * Raw single-row autocommit inserts through bun:sqlite on `dbPath` (WAL,
 * synchronous=NORMAL): the reference of the POST cases, per second and in
 * CPU time per insert.
 */
export function rawInserts(dbPath: string, seconds: number): Rate {
  const db = new BunSqlite(dbPath);
  db.exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000");
  db.exec(
    "CREATE TABLE IF NOT EXISTS bench_raw_inserts (id TEXT PRIMARY KEY, tenant_id TEXT, title TEXT, value INTEGER, created_at INTEGER)",
  );
  const insert = db.prepare("INSERT INTO bench_raw_inserts VALUES (?, ?, ?, ?, ?)");
  const cpu = process.cpuUsage();
  const until = performance.now() + seconds * 1000;
  let n = 0;
  for (; performance.now() < until; n++)
    insert.run(crypto.randomUUID(), "raw", `deal ${n}`, n, Date.now());
  const used = process.cpuUsage(cpu);
  db.exec("DROP TABLE bench_raw_inserts");
  db.close();
  return { per_s: Math.round(n / seconds), cpu_us: (used.user + used.system) / n };
}

/** Raw inserts per second (see rawInserts). */
export const rawInsertRate = (dbPath: string, seconds: number): number =>
  rawInserts(dbPath, seconds).per_s;
