/**
 * `bun bench/search-rebuild.ts [rows] [--url URL] [--batch N]`: rebuilding
 * the search index (what `crmd copy` does after copying the tables) on a
 * generated database: `rows` indexed records (default 250,000; half leads
 * with a phone number, an email and a company name, half deals with a
 * title and a description) of one tenant, every one queued. Without --url a
 * temporary embedded file; with a postgres:// URL, a new database on that
 * server. Prints the rebuild's time and rows per second, and checks that
 * the index holds every record once and finds one by its phone number.
 * On PostgreSQL it also prints the CPU time of the server processes serving
 * the database (read from /proc, so the server runs on this machine) and of
 * this process: on a busy machine wall time varies by half from run to run,
 * CPU time by a few per cent.
 */
import { readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SQL } from "bun";
import { openDatabase } from "../db/client";
import { migrate } from "../db/migrate";
import { INDEX_BATCH } from "../db/search";
import { seedTenant } from "../db/seed";
import { seedProgressBar } from "../src/progress";

const args = process.argv.slice(2);
const option = (name: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const server = option("--url");
const batch = Number(option("--batch") ?? INDEX_BATCH);
const rows = Number(args.find((a, i) => /^\d+$/.test(a) && args[i - 1] !== "--batch") ?? 250_000);

/** CPU milliseconds the server processes `pids` have used (user + system, 100 ticks a second). */
const serverCpu = (pids: number[]) =>
  pids.reduce((ms, pid) => {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
      return ms + (Number(fields[11]) + Number(fields[12])) * 10;
    } catch {
      return ms;
    }
  }, 0);

const path = join(tmpdir(), `crmd-search-bench-${Date.now()}.db`);
const name = `crmd_search_bench_${Date.now()}`;
const withDatabase = (url: string, database: string) => {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
};
if (server) {
  const admin = new SQL(server, { max: 1 });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  await admin.close();
}
const db = await openDatabase(server ? withDatabase(server, name) : `file:${path}`);
try {
  await migrate(db);
  const half = Math.floor(rows / 2);
  await seedTenant(db, "t1", { deals: rows - half, leads: half, tasks: 0 }, seedProgressBar());
  // Every record queued, the index empty: as after a copy.
  await db.execute("delete from search_index");
  await db.execute("delete from search_pending");
  await db.execute("insert into search_pending (doc_id) select doc_id from search_docs");
  const backends = async () =>
    server
      ? (
          await db.execute("select pid from pg_stat_activity where datname = current_database()")
        ).map((row) => Number(row.pid))
      : [];
  if (server) await db.execute("ANALYZE");
  const before = await backends();
  const cpuBefore = serverCpu(before);
  const ownBefore = process.cpuUsage();
  const started = performance.now();
  await db.dialect.catchUpSearchIndex(db, batch);
  const ms = performance.now() - started;
  const own = process.cpuUsage(ownBefore);
  const pgCpu = serverCpu([...new Set([...before, ...(await backends())])]) - cpuBefore;
  const [{ n }] = await db.execute("select count(*) as n from search_index");
  const [lead] = await db.execute("select phone from leads where phone is not null limit 1");
  const digits = String(lead.phone).replace(/\D/g, "");
  const { total } = await db.dialect.fullTextSearch(db, {
    tenantId: "t1",
    types: ["leads"],
    text: digits,
    limit: 1,
    offset: 0,
  });
  const cpu = server ? `, server CPU ${pgCpu} ms` : "";
  console.log(
    `${db.kind}: ${Number(n)} of ${rows} records indexed in ${Math.round(ms)} ms (${Math.round((rows / ms) * 1000)} rows/s, batches of ${batch})${cpu}, crmd CPU ${Math.round((own.user + own.system) / 1000)} ms; phone ${lead.phone} found ${total}×`,
  );
  if (Number(n) !== rows || total < 1) process.exitCode = 1;
} finally {
  await db.close();
  if (server) {
    const admin = new SQL(server, { max: 1 });
    await admin.unsafe(`DROP DATABASE ${name} WITH (FORCE)`);
    await admin.close();
  } else rmSync(path, { force: true });
}
