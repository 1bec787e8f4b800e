/**
 * Scheduler scale: one tick of the SLA and overdue jobs over many rows.
 *
 *   bun bench/scheduler.ts [--quick]
 *
 * Seeds 1,000,000 tasks and 100,000 open deals (--quick: 100,000 and 10,000)
 * straight into a temporary database, then times ticks driven by a manual
 * clock: the cold first tick (arms every policy), steady one-minute ticks,
 * a catch-up tick after an hour of downtime, then one after a day of
 * downtime, each followed by a steady tick. `task_overdue_considered` is
 * the overdue tasks not yet emitted the overdue job read (its log field
 * `considered`): a tick after a catch-up reads none of the tasks that
 * catch-up emitted. Progress goes to stderr, figures (JSON) to stdout.
 *
 * Seeded data: deals spread over four SLA stages (30, 36, 48, 72 h, warning
 * at 80 %) with stage clocks started in the last 24 h, so the 30 h stage
 * warns about 1/1440 of its deals per minute; 70 % of tasks pending with due
 * times spread over the next 60 days (≈ 8 due per minute), 30 % completed.
 */
import { Database as BunSqlite } from "bun:sqlite";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { count } from "drizzle-orm";
import { outboxEvents, pipelines, stages } from "../db/schema";
import { createTenant } from "../plugins/tenants";
import { ManualClock } from "../src/clock";
import { DEFAULTS } from "../src/config";
import type { AppContext } from "../src/core";
import { nextSyncSeq } from "../src/events";
import { createLogger } from "../src/logger";
import { startServer } from "../src/server";

export interface SchedulerBenchOptions {
  tasks: number;
  deals: number;
  /** Progress lines (default: stderr). */
  progress?: (line: string) => void;
}

export interface TickFigure {
  tick: string;
  sla_ms: number;
  task_overdue_ms: number;
  total_ms: number;
  events: number;
  /** Overdue tasks not yet emitted that the overdue job read this tick. */
  task_overdue_considered: number;
}

export interface SchedulerBenchFigures {
  tasks: number;
  open_deals: number;
  seed_ms: number;
  ticks: TickFigure[];
}

const T0 = Date.parse("2026-03-02T12:00:00.000Z");
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const SLA_HOURS = [30, 36, 48, 72];

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32), so runs compare. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Inserts `n` rows through one prepared statement per 10,000-row transaction. */
function insertRows(
  db: BunSqlite,
  sql: string,
  n: number,
  row: (i: number) => unknown[],
  label: string,
  progress: (line: string) => void,
) {
  const statement = db.prepare(sql);
  const chunk = 10_000;
  for (let start = 0; start < n; start += chunk) {
    db.transaction(() => {
      for (let i = start; i < Math.min(start + chunk, n); i++)
        statement.run(...(row(i) as never[]));
    })();
    if ((start / chunk) % 10 === 9 || start + chunk >= n)
      progress(`seeded ${Math.min(start + chunk, n).toLocaleString("en")} ${label}`);
  }
}

/** Seeds the rows on a separate connection, with sync_seq values below the committed counter. */
function seed(
  path: string,
  ids: { tenantId: string; pipelineId: string; stageIds: string[] },
  options: SchedulerBenchOptions,
  progress: (line: string) => void,
) {
  const db = new BunSqlite(path);
  db.exec("PRAGMA busy_timeout = 5000");
  // Seeding only: no fsync, and a cache big enough to keep the indexes being filled in memory.
  db.exec("PRAGMA synchronous = OFF");
  db.exec("PRAGMA cache_size = -262144");
  const { value: base } = db.query("SELECT value FROM counters WHERE name = 'sync'").get() as {
    value: number;
  };
  const next = random(7);
  insertRows(
    db,
    `INSERT INTO deals (id, tenant_id, title, value, currency, status, pipeline_id, stage_id,
       stage_entered_at, tags, custom_fields, created_at, updated_at, sync_seq)
     VALUES (?, ?, ?, ?, 'USD', 'open', ?, ?, ?, '[]', '{}', ?, ?, ?)`,
    options.deals,
    (i) => {
      const entered = T0 - Math.floor(next() * DAY);
      return [
        Bun.randomUUIDv7(),
        ids.tenantId,
        `deal ${i}`,
        Math.floor(next() * 1_000_000),
        ids.pipelineId,
        ids.stageIds[i % ids.stageIds.length],
        entered,
        entered,
        entered,
        base + 1 + i,
      ];
    },
    "deals",
    progress,
  );
  insertRows(
    db,
    `INSERT INTO tasks (id, tenant_id, title, status, priority, due_at, completed_at, tags,
       created_at, updated_at, sync_seq)
     VALUES (?, ?, ?, ?, 'medium', ?, ?, '[]', ?, ?, ?)`,
    options.tasks,
    (i) => {
      const pending = next() < 0.7;
      const due = pending ? T0 + Math.floor(next() * 60 * DAY) : T0 - Math.floor(next() * 60 * DAY);
      return [
        Bun.randomUUIDv7(),
        ids.tenantId,
        `task ${i}`,
        pending ? "pending" : "completed",
        due,
        pending ? null : due,
        T0 - 60 * DAY,
        T0 - 60 * DAY,
        base + 1 + options.deals + i,
      ];
    },
    "tasks",
    progress,
  );
  db.query("UPDATE counters SET value = ? WHERE name = 'sync'").run(
    base + options.deals + options.tasks,
  );
  db.close();
}

async function outboxSize(ctx: AppContext) {
  const [row] = await ctx.db.read.select({ n: count() }).from(outboxEvents);
  return row.n;
}

/** The `considered` field of the overdue job's log lines, summed since the last take. */
let considered = 0;
const benchLogger = createLogger("info", {}, (line) => {
  const entry = JSON.parse(line);
  if (entry.msg === "task.overdue emitted") considered += entry.considered;
});

async function tick(ctx: AppContext, label: string): Promise<TickFigure> {
  const before = await outboxSize(ctx);
  considered = 0;
  const ms: number[] = [];
  for (const job of ["sla", "task_overdue"]) {
    const result = await ctx.scheduler.runNow(job);
    if (result.outcome !== "ok") throw new Error(`${job}: ${JSON.stringify(result)}`);
    ms.push(result.duration_ms);
  }
  return {
    tick: label,
    sla_ms: ms[0],
    task_overdue_ms: ms[1],
    total_ms: Math.round((ms[0] + ms[1]) * 100) / 100,
    events: (await outboxSize(ctx)) - before,
    task_overdue_considered: considered,
  };
}

export async function runSchedulerBench(
  options: SchedulerBenchOptions,
): Promise<SchedulerBenchFigures> {
  const progress = options.progress ?? ((line: string) => process.stderr.write(`${line}\n`));
  const dir = mkdtempSync(join(tmpdir(), "crmd-bench-scheduler-"));
  const path = join(dir, "crmd.db");
  const clock = new ManualClock(new Date(T0));
  const server = await startServer(
    {
      ...DEFAULTS,
      cron: {},
      host: "127.0.0.1",
      port: 0,
      dataDir: dir,
      databaseUrl: `file:${path}`,
      demo: false,
      workers: false,
      logLevel: "info",
    },
    { clock, logger: benchLogger },
  );
  const { ctx } = server;
  try {
    const tenantId = (await createTenant(ctx.db, "bench", clock.now())).id;
    const { pipelineId, stageIds } = await ctx.write(async (tx) => {
      const now = clock.now();
      const pipelineId = Bun.randomUUIDv7();
      await tx.insert(pipelines).values({
        id: pipelineId,
        tenantId,
        name: "Sales",
        pipelineType: "sales",
        createdAt: now,
        updatedAt: now,
        syncSeq: await nextSyncSeq(tx),
      });
      const stageIds = SLA_HOURS.map(() => Bun.randomUUIDv7());
      await tx.insert(stages).values(
        SLA_HOURS.map((slaHours, i) => ({
          id: stageIds[i],
          tenantId,
          pipelineId,
          name: `Stage ${i + 1}`,
          position: i + 1,
          slaHours,
          createdAt: now,
          updatedAt: now,
        })),
      );
      return { pipelineId, stageIds };
    });
    const seeding = performance.now();
    seed(path, { tenantId, pipelineId, stageIds }, options, progress);
    const seedMs = Math.round(performance.now() - seeding);

    const ticks: TickFigure[] = [];
    const run = async (label: string, advanceMs: number) => {
      clock.advance(advanceMs);
      const figure = await tick(ctx, label);
      progress(
        `${label}: ${figure.total_ms} ms, ${figure.events} events, ${figure.task_overdue_considered} overdue tasks read`,
      );
      ticks.push(figure);
    };
    await run("cold (first tick: arms every policy)", 0);
    for (let i = 1; i <= 3; i++) await run(`steady tick ${i} (+1 min)`, MINUTE);
    await run("catch-up after 1 h of downtime", HOUR);
    await run("steady tick after catch-up (+1 min)", MINUTE);
    await run("catch-up after 1 day of downtime", 24 * HOUR);
    await run("steady tick after the day's catch-up (+1 min)", MINUTE);
    return { tasks: options.tasks, open_deals: options.deals, seed_ms: seedMs, ticks };
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.main) {
  const quick = process.argv.includes("--quick");
  const figures = await runSchedulerBench(
    quick ? { tasks: 100_000, deals: 10_000 } : { tasks: 1_000_000, deals: 100_000 },
  );
  process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
}
