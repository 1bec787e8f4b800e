/**
 * Two real crmd processes on one database file, each ticking every second:
 * every task.overdue appears exactly once, and when the lease holder is
 * killed (-9) the other instance takes the job over.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Subprocess } from "bun";
import { eq, inArray } from "drizzle-orm";
import { outboxEvents, schedulerJobs, schedulerLeases } from "../db/schema";
import { createTenant } from "../plugins/tenants";
import { DEFAULTS } from "../src/config";
import type { AppContext } from "../src/core";
import { createContext } from "../src/server";
import { insertTask } from "./sla.fixtures";

const ROOT = join(import.meta.dir, "..");
const LEASE_SECONDS = 2;

let dir: string;
let databaseUrl: string;
let ctx: AppContext;
let tenantId: string;
const children: Subprocess<"ignore", "pipe", "inherit">[] = [];

/** Starts `crmd serve` on the shared database; resolves once it listens. */
async function startCrmd(): Promise<Subprocess<"ignore", "pipe", "inherit">> {
  const child = Bun.spawn([join(ROOT, "node_modules/.bin/bun"), "src/main.ts", "serve"], {
    cwd: ROOT,
    env: {
      ...process.env,
      CRMD_DATABASE_URL: databaseUrl,
      CRMD_HOST: "127.0.0.1",
      CRMD_PORT: "0",
      CRMD_DEMO: "0",
      CRMD_LOG_LEVEL: "info",
      CRMD_CRON_TASK_OVERDUE: "* * * * * *",
      CRMD_CRON_SLA: "* * * * * *",
      CRMD_SCHEDULER_LEASE_SECONDS: String(LEASE_SECONDS),
    },
    stdin: "ignore",
    stdout: "pipe",
    stderr: "inherit",
  });
  children.push(child);
  const reader = child.stdout.getReader();
  const decoder = new TextDecoder();
  let buffered = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) throw new Error(`crmd exited before listening (code ${await child.exited})`);
    buffered += decoder.decode(value);
    if (buffered.includes('"msg":"listening"')) break;
  }
  void (async () => {
    while (!(await reader.read()).done); // keep draining its log
  })();
  return child;
}

/** Polls the outbox (real processes run on real time) until `done` or the deadline. */
async function waitFor<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await Bun.sleep(100);
  }
}

const overdueCounts = async (ids: string[]) => {
  const rows = await ctx.db.read
    .select({ entityId: outboxEvents.entityId, eventType: outboxEvents.eventType })
    .from(outboxEvents)
    .where(inArray(outboxEvents.entityId, ids));
  const counts = new Map(ids.map((id) => [id, 0]));
  for (const row of rows)
    if (row.eventType === "task.overdue")
      counts.set(row.entityId as string, (counts.get(row.entityId as string) ?? 0) + 1);
  return counts;
};

const holderOf = async (job: string) => {
  const [lease] = await ctx.db.read
    .select()
    .from(schedulerLeases)
    .where(eq(schedulerLeases.job, job));
  return lease?.holder ?? null;
};

const pidOf = (instanceId: string) => Number(instanceId.split(":")[1]);

async function insertOverdueTasks(n: number, dueInMs: number) {
  const ids: string[] = [];
  for (let i = 0; i < n; i++)
    ids.push(await insertTask(ctx, tenantId, { dueAt: new Date(Date.now() + dueInMs) }));
  return ids;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "crmd-procs-"));
  databaseUrl = `file:${join(dir, "crmd.db")}`;
  ctx = await createContext({
    ...DEFAULTS,
    databaseUrl,
    logLevel: "silent",
    demo: false,
    workers: false,
  });
  tenantId = (await createTenant(ctx.db, "procs", new Date())).id;
});

afterAll(async () => {
  for (const child of children) child.kill("SIGTERM");
  await Promise.all(children.map((child) => child.exited));
  await ctx.db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("two crmd processes on one database", () => {
  test("each task.overdue is emitted exactly once; a killed holder's job is taken over after its lease expires", async () => {
    const [first, second] = await Promise.all([startCrmd(), startCrmd()]);
    const pids = [first.pid, second.pid];

    // Overdue already, and becoming due while both processes tick.
    const batch = [
      ...(await insertOverdueTasks(15, -60_000)),
      ...(await insertOverdueTasks(15, 1500)),
    ];
    await waitFor(
      "the first batch",
      () => overdueCounts(batch),
      (c) => [...c.values()].every((n) => n > 0),
    );
    await Bun.sleep(2000); // both keep ticking: give a duplicate every chance to appear
    expect([...(await overdueCounts(batch)).values()]).toEqual(batch.map(() => 1));

    const holder = await holderOf("task_overdue");
    expect(holder).not.toBeNull();
    const holderPid = pidOf(holder as string);
    expect(pids).toContain(holderPid);
    const [lastRun] = await ctx.db.read
      .select()
      .from(schedulerJobs)
      .where(eq(schedulerJobs.job, "task_overdue"));
    expect(lastRun.lastOutcome).toBe("ok");

    // kill -9 the holder: no graceful release; the survivor waits out the lease.
    const [victim, survivor] = holderPid === first.pid ? [first, second] : [second, first];
    victim.kill("SIGKILL");
    await victim.exited;
    const after = await insertOverdueTasks(10, -1000);
    await waitFor(
      "the survivor to take over",
      () => overdueCounts(after),
      (c) => [...c.values()].every((n) => n > 0),
    );
    await Bun.sleep(1500);
    expect([...(await overdueCounts(after)).values()]).toEqual(after.map(() => 1));
    expect([...(await overdueCounts(batch)).values()]).toEqual(batch.map(() => 1));
    expect(pidOf((await holderOf("task_overdue")) as string)).toBe(survivor.pid);
    expect(survivor.exitCode).toBeNull();
  }, 60_000);
});
