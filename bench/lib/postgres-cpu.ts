import { readdirSync, readFileSync } from "node:fs";
import { SQL } from "bun";

/** Linux's USER_HZ: /proc/<pid>/stat counts CPU time in these. */
const CLOCK_TICKS = 100;

function statFields(pid: number): string[] {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
}

/** The postmaster of the PostgreSQL server at `url` (the parent of a backend), when on this machine. */
export async function postmasterPid(url: string): Promise<number> {
  const sql = new SQL(url, { max: 1 });
  try {
    const [{ pid }] = (await sql.unsafe("SELECT pg_backend_pid() AS pid")) as Array<{
      pid: number;
    }>;
    // Read while the backend lives: it ends once the connection closes.
    return Number(statFields(pid)[1]);
  } finally {
    await sql.close();
  }
}

/**
 * CPU time (ms) the PostgreSQL server of `postmaster` has used so far: its
 * processes' (backends, WAL writer, checkpointer, autovacuum), plus what its
 * children that ended used (the postmaster's cutime/cstime), so a backend
 * that ends during a measurement still counts.
 */
export function postgresCpuMs(postmaster: number): number {
  const own = statFields(postmaster);
  let ticks = Number(own[11]) + Number(own[12]) + Number(own[13]) + Number(own[14]);
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const fields = statFields(Number(entry));
      if (Number(fields[1]) === postmaster) ticks += Number(fields[11]) + Number(fields[12]);
    } catch {}
  }
  return ticks * (1000 / CLOCK_TICKS);
}

/**
 * Single-row autocommit inserts through Bun.SQL, 50 in flight, for
 * `seconds`: the raw reference of `POST /deals` on PostgreSQL, per second.
 */
export async function rawPostgresInsertRate(
  url: string,
  seconds: number,
  connections = 50,
): Promise<number> {
  const sql = new SQL(url, { max: connections });
  await sql.unsafe(
    "CREATE TABLE IF NOT EXISTS bench_raw_inserts (id text PRIMARY KEY, tenant_id text, title text, value bigint, created_at bigint)",
  );
  const until = performance.now() + seconds * 1000;
  let n = 0;
  const worker = async () => {
    while (performance.now() < until) {
      const i = n++;
      await sql`INSERT INTO bench_raw_inserts VALUES (${crypto.randomUUID()}, 'raw', ${`deal ${i}`}, ${i}, ${Date.now()})`;
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  await sql.unsafe("DROP TABLE bench_raw_inserts");
  await sql.close();
  return Math.round(n / seconds);
}
