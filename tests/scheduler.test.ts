import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ManualClock } from "../src/clock";
import type { JobRun } from "../src/scheduler";
import { outboxOf } from "./helpers/records";
import { startTestServer, type TestServer } from "./helpers/server";
import {
  hours,
  insertDeal,
  insertPipeline,
  insertStage,
  insertTask,
  minutes,
  tick,
} from "./sla.fixtures";

const T0 = Date.parse("2026-03-02T12:00:00.000Z");

describe("GET /scheduler", () => {
  let server: TestServer;
  let clock: ManualClock;
  beforeAll(async () => {
    clock = new ManualClock(new Date(T0));
    server = await startTestServer({ clock, config: { cron: { task_overdue: "*/5 * * * * *" } } });
  });
  afterAll(() => server.close());

  test("admin only: 401 without a token, 403 with a tenant key", async () => {
    expect((await server.anonymous.get("/api/external/scheduler")).status).toBe(401);
    const { api } = await server.tenant(undefined, ["*"]);
    expect((await api.get("/api/external/scheduler")).status).toBe(403);
  });

  test("lists every job with its schedule, last run, outcome, watermark and lease", async () => {
    const before = await server.admin.get("/api/external/scheduler");
    expect(before.status).toBe(200);
    expect(before.body.instance_id).toBe(server.ctx.scheduler.instanceId);
    const names = before.body.jobs.map((j: { name: string }) => j.name);
    expect(names).toEqual(expect.arrayContaining(["sla", "task_overdue"]));
    const overdueJob = before.body.jobs.find((j: { name: string }) => j.name === "task_overdue");
    expect(overdueJob).toEqual({
      name: "task_overdue",
      cron: "*/5 * * * * *", // CRMD_CRON_TASK_OVERDUE
      running: false,
      last_run_at: null,
      last_run_by: null,
      last_duration_ms: null,
      last_outcome: null,
      last_error: null,
      watermark: null,
      next_run_at: null, // this server runs no timers (workers off)
      lease_holder: null,
      lease_expires_at: null,
    });
    expect(before.body.jobs[0].cron).toBe("* * * * *");

    await server.ctx.scheduler.runNow("task_overdue");
    const after = await server.admin.get("/api/external/scheduler");
    const ran = after.body.jobs[1];
    expect(ran).toMatchObject({
      last_run_at: clock.now().toISOString(),
      last_run_by: server.ctx.scheduler.instanceId,
      last_outcome: "ok",
      last_error: null,
      watermark: clock.now().toISOString(),
      lease_holder: server.ctx.scheduler.instanceId,
      lease_expires_at: new Date(T0 + 120_000).toISOString(),
    });
    expect(ran.last_duration_ms).toBeGreaterThanOrEqual(0);
  });

  test("with its timers started, each job shows its next tick", async () => {
    server.ctx.scheduler.start();
    const { body } = await server.admin.get("/api/external/scheduler");
    for (const job of body.jobs) expect(Date.parse(job.next_run_at)).not.toBeNaN();
  });

  test("a job with an invalid cron expression is refused at registration", () => {
    expect(() =>
      server.ctx.scheduler.register({
        name: "bad",
        cron: "every tuesday",
        run: async () => undefined,
      }),
    ).toThrow(/job bad: invalid cron/);
  });
});

describe("running jobs", () => {
  let server: TestServer;
  let clock: ManualClock;
  beforeAll(async () => {
    clock = new ManualClock(new Date(T0));
    server = await startTestServer({ clock });
  });
  afterAll(() => server.close());

  test("a failure is recorded and retried next tick from the same watermark, with the last state", async () => {
    const runs: Array<{ since: string | null; state: unknown }> = [];
    let fail = false;
    server.ctx.scheduler.register({
      name: "flaky",
      cron: "* * * * *",
      async run({ now, since, state }: JobRun) {
        runs.push({ since: since?.toISOString() ?? null, state });
        if (fail) throw new Error("upstream down");
        return {
          state: {
            ticks: ((state as { ticks?: number } | null)?.ticks ?? 0) + 1,
            at: now.toISOString(),
          },
        };
      },
    });
    expect(await server.ctx.scheduler.runNow("flaky")).toMatchObject({ outcome: "ok" });
    clock.advance(minutes(1));
    fail = true;
    expect(await server.ctx.scheduler.runNow("flaky")).toMatchObject({
      outcome: "error",
      error: "upstream down",
    });
    const [failed] = (await server.ctx.scheduler.status()).filter((j) => j.name === "flaky");
    expect(failed).toMatchObject({
      last_outcome: "error",
      last_error: "upstream down",
      watermark: new Date(T0).toISOString(),
    });
    clock.advance(minutes(1));
    fail = false;
    expect(await server.ctx.scheduler.runNow("flaky")).toMatchObject({ outcome: "ok" });
    const first = { ticks: 1, at: new Date(T0).toISOString() };
    expect(runs).toEqual([
      { since: null, state: null },
      { since: new Date(T0).toISOString(), state: first },
      { since: new Date(T0).toISOString(), state: first },
    ]);
  });

  test("a job never runs twice at once", async () => {
    let started = 0;
    let entered = () => {};
    let release = () => {};
    const inside = new Promise<void>((resolve) => {
      entered = resolve;
    });
    server.ctx.scheduler.register({
      name: "slow",
      cron: "* * * * *",
      async run() {
        started++;
        entered();
        await new Promise<void>((resolve) => {
          release = resolve;
        });
        return undefined;
      },
    });
    const first = server.ctx.scheduler.runNow("slow");
    expect(await server.ctx.scheduler.runNow("slow")).toEqual({
      outcome: "skipped",
      reason: "running",
    });
    await inside;
    expect(await server.ctx.scheduler.runNow("slow")).toEqual({
      outcome: "skipped",
      reason: "running",
    });
    release();
    expect((await first).outcome).toBe("ok");
    expect(started).toBe(1);
  });
});

describe("several instances on one database", () => {
  let dir: string;
  let a: TestServer;
  let b: TestServer;
  const clockA = new ManualClock(new Date(T0));
  const clockB = new ManualClock(new Date(T0));
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "crmd-lease-"));
    a = await startTestServer({ dir, clock: clockA, config: { schedulerLeaseSeconds: 30 } });
    b = await startTestServer({ dir, clock: clockB, config: { schedulerLeaseSeconds: 30 } });
  });
  afterAll(async () => {
    await a.close();
    await b.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test("only the lease holder runs a job; another takes over once the lease expires; stop releases", async () => {
    const { tenantId } = await a.tenant();
    const taskId = await insertTask(a.ctx, tenantId, { dueAt: new Date(T0 - hours(1)) });
    expect(await a.ctx.scheduler.runNow("task_overdue")).toMatchObject({ outcome: "ok" });
    expect(await b.ctx.scheduler.runNow("task_overdue")).toEqual({
      outcome: "skipped",
      reason: "lease_held",
      holder: a.ctx.scheduler.instanceId,
    });
    clockA.advance(20_000);
    expect((await a.ctx.scheduler.runNow("task_overdue")).outcome).toBe("ok"); // renews until T0+50s
    clockB.advance(45_000);
    expect((await b.ctx.scheduler.runNow("task_overdue")).outcome).toBe("skipped");
    clockB.advance(10_000); // A went quiet: its lease ran out at T0+50s
    expect((await b.ctx.scheduler.runNow("task_overdue")).outcome).toBe("ok");
    expect((await a.ctx.scheduler.runNow("task_overdue")).outcome).toBe("skipped");
    // B continued from A's watermark: the task was emitted once, by A.
    expect(await outboxOf(b.ctx.db, { type: "task.overdue", entityId: taskId })).toHaveLength(1);
    const overdueStatus = (await a.ctx.scheduler.status()).find((j) => j.name === "task_overdue");
    expect(overdueStatus).toMatchObject({
      lease_holder: b.ctx.scheduler.instanceId,
      last_run_by: b.ctx.scheduler.instanceId,
    });

    await b.ctx.scheduler.stop(); // a graceful stop hands the lease back at once
    expect((await a.ctx.scheduler.runNow("task_overdue")).outcome).toBe("ok");
    expect(await b.ctx.scheduler.runNow("task_overdue")).toEqual({
      outcome: "skipped",
      reason: "stopped",
    });
  });
});

describe("restart", () => {
  test("a new server on the same database file continues without duplicates", async () => {
    const dir = mkdtempSync(join(tmpdir(), "crmd-restart-"));
    const clock = new ManualClock(new Date(T0));
    try {
      let server = await startTestServer({ dir, clock });
      const { tenantId } = await server.tenant();
      const pipelineId = await insertPipeline(server.ctx, tenantId);
      const stageId = await insertStage(server.ctx, tenantId, pipelineId, { slaHours: 2 });
      const dealId = await insertDeal(server.ctx, tenantId, pipelineId, stageId);
      const early = await insertTask(server.ctx, tenantId, { dueAt: new Date(T0 + minutes(30)) });
      const late = await insertTask(server.ctx, tenantId, { dueAt: new Date(T0 + hours(3)) });
      await tick(server.ctx);
      clock.advance(hours(1) + minutes(36)); // deal warning (80 % of 2 h) and the early task
      await tick(server.ctx);
      await server.close();

      server = await startTestServer({ dir, clock });
      await tick(server.ctx);
      clock.advance(hours(2));
      await tick(server.ctx);
      await server.close();

      server = await startTestServer({ dir, clock });
      await tick(server.ctx);
      const types = async (id: string) =>
        (await outboxOf(server.ctx.db, { entityId: id })).map((e) => e.event_type);
      expect(await types(dealId)).toEqual(["sla.warning", "sla.breach"]);
      expect(await types(early)).toEqual(["task.overdue"]);
      expect(await types(late)).toEqual(["task.overdue"]);
      await server.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
