import { beforeEach, describe, expect, test } from "bun:test";
import { ManualClock } from "../src/clock";
import { outboxOf } from "./helpers/records";
import type { TenantClient } from "./helpers/server";
import { startTestServer } from "./helpers/server";
import { useTestServer } from "./helpers/suite";
import { hours, insertTask, minutes, updateTask } from "./sla.fixtures";

const T0 = Date.parse("2026-03-02T12:00:00.000Z");
let tenantId: string;
let tenant: TenantClient;

const clock = new ManualClock(new Date(T0));
const server = useTestServer({ clock, captureLogs: true });
beforeEach(async () => {
  tenant = await server.tenant();
  tenantId = tenant.tenantId;
});

async function advance(ms: number) {
  clock.advance(ms);
  const result = await server.ctx.scheduler.runNow("task_overdue");
  expect(result.outcome).toBe("ok");
}
const overdue = (taskId: string) =>
  outboxOf(server.ctx.db, { type: "task.overdue", entityId: taskId });
const dueIn = (ms: number) => new Date(clock.now().getTime() + ms);

describe("first run", () => {
  test("pending tasks already past due get one task.overdue each; completed, undated and future ones none", async () => {
    const late = await insertTask(server.ctx, tenantId, { dueAt: dueIn(-hours(3)) });
    const done = await insertTask(server.ctx, tenantId, {
      dueAt: dueIn(-hours(3)),
      status: "completed",
      completedAt: clock.now(),
    });
    const undated = await insertTask(server.ctx, tenantId);
    const future = await insertTask(server.ctx, tenantId, { dueAt: dueIn(hours(1)) });
    await advance(0);
    await advance(minutes(1));
    expect(await overdue(late)).toHaveLength(1);
    for (const id of [done, undated, future]) expect(await overdue(id)).toHaveLength(0);
    await advance(hours(1));
    expect(await overdue(future)).toHaveLength(1);
  });
});

describe("task.overdue", () => {
  test("once, when a pending task passes its due time, with the task and due_at", async () => {
    const due = dueIn(hours(1));
    const taskId = await insertTask(server.ctx, tenantId, { dueAt: due, title: "Call back" });
    await advance(hours(1) - 1);
    expect(await overdue(taskId)).toHaveLength(0);
    await advance(1);
    await advance(minutes(1));
    await advance(hours(5));
    const events = await overdue(taskId);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      event_type: "task.overdue",
      tenant_id: tenantId,
      // the tick that found it past due: the one a minute after its due time
      timestamp: new Date(due.getTime() + minutes(1)).toISOString(),
      data: { id: taskId, title: "Call back", status: "pending", due_at: due.toISOString() },
      metadata: { due_at: due.toISOString() },
    });
  });

  test("at the exact due millisecond the task is not overdue anywhere; one millisecond later it is, everywhere", async () => {
    const due = dueIn(hours(1));
    const taskId = await insertTask(server.ctx, tenantId, { dueAt: due, title: "Boundary" });
    const shown = async () => {
      const task = await tenant.api.get(`/api/external/tasks/${taskId}`);
      const listed = await tenant.api.get("/api/external/tasks?status=overdue");
      const kpis = await tenant.api.get("/api/external/kpis?period=month");
      return {
        is_overdue: task.body.is_overdue,
        listed: listed.body.tasks.some((t: { id: string }) => t.id === taskId),
        kpi: kpis.body.tasks.overdue,
        events: (await overdue(taskId)).length,
      };
    };
    await advance(hours(1));
    expect(clock.now().getTime()).toBe(due.getTime());
    expect(await shown()).toEqual({ is_overdue: false, listed: false, kpi: 0, events: 0 });
    await advance(1);
    expect(await shown()).toEqual({ is_overdue: true, listed: true, kpi: 1, events: 1 });
    const [event] = await overdue(taskId);
    expect(event.data.is_overdue).toBe(true);
  });

  test("its data is the task exactly as GET /tasks/{id} shows it", async () => {
    const taskId = await insertTask(server.ctx, tenantId, { dueAt: dueIn(minutes(10)) });
    await advance(minutes(11));
    const [event] = await overdue(taskId);
    const shown = await tenant.api.get(`/api/external/tasks/${taskId}`);
    expect(event.data).toEqual(shown.body);
    expect(event.data.is_overdue).toBe(true);
  });

  test("completing the task before its due time emits nothing", async () => {
    const taskId = await insertTask(server.ctx, tenantId, { dueAt: dueIn(hours(1)) });
    await advance(minutes(30));
    await updateTask(server.ctx, taskId, { status: "completed", completedAt: clock.now() });
    await advance(hours(2));
    expect(await overdue(taskId)).toHaveLength(0);
  });

  test("deleted tasks emit nothing", async () => {
    const taskId = await insertTask(server.ctx, tenantId, { dueAt: dueIn(hours(1)) });
    await updateTask(server.ctx, taskId, { deletedAt: clock.now() });
    await advance(hours(2));
    expect(await overdue(taskId)).toHaveLength(0);
  });

  test("a task created or moved into the past is overdue at the next tick, once", async () => {
    const created = await insertTask(server.ctx, tenantId, { dueAt: dueIn(-hours(2)) });
    const moved = await insertTask(server.ctx, tenantId, { dueAt: dueIn(hours(5)) });
    await advance(minutes(1));
    await updateTask(server.ctx, moved, { dueAt: dueIn(-hours(1)) });
    await advance(minutes(1));
    await advance(minutes(1));
    expect(await overdue(created)).toHaveLength(1);
    expect(await overdue(moved)).toHaveLength(1);
  });

  test("a task rescheduled after becoming overdue is overdue again at its new due time", async () => {
    const first = dueIn(hours(1));
    const taskId = await insertTask(server.ctx, tenantId, { dueAt: first });
    await advance(hours(1) + minutes(1));
    const second = dueIn(hours(1));
    await updateTask(server.ctx, taskId, { dueAt: second });
    await advance(minutes(30));
    await advance(minutes(31));
    expect((await overdue(taskId)).map((e) => e.metadata.due_at)).toEqual([
      first.toISOString(),
      second.toISOString(),
    ]);
  });

  test("catch-up: after downtime the first tick emits each task that became due, in due order", async () => {
    const dues = [hours(3), hours(1), hours(2)].map(dueIn);
    const ids: string[] = [];
    for (const dueAt of dues) ids.push(await insertTask(server.ctx, tenantId, { dueAt }));
    await advance(0);
    clock.advance(hours(6)); // down for six hours
    await advance(0);
    await advance(minutes(1));
    const events = (await outboxOf(server.ctx.db, { type: "task.overdue" })).filter((e) =>
      ids.includes(e.data.id),
    );
    expect(events.map((e) => e.metadata.due_at)).toEqual(
      [dues[1], dues[2], dues[0]].map((d) => d.toISOString()),
    );
  });
});

describe("after a catch-up", () => {
  test("the next tick reads none of the tasks the catch-up emitted (and so moved in the sync feeds)", async () => {
    const dues = [hours(3), hours(1), hours(2), minutes(90), minutes(30)].map(dueIn);
    const ids: string[] = [];
    for (const dueAt of dues) ids.push(await insertTask(server.ctx, tenantId, { dueAt }));
    const later = await insertTask(server.ctx, tenantId, { dueAt: dueIn(hours(8)) });
    await advance(0);
    clock.advance(hours(6)); // down for six hours
    /** The `considered` figure of the runs logged from here on. */
    const from = server.logs.length;
    const considered = () =>
      server.logs
        .slice(from)
        .filter((line) => line.msg === "task.overdue emitted")
        .map((line) => line.considered);
    await advance(0);
    expect(considered()).toEqual([5]);
    for (const id of ids) expect(await overdue(id)).toHaveLength(1);
    // Emitting touched the five tasks past the run's high-water mark; the next run does not reload them.
    await advance(minutes(1));
    expect(considered()).toEqual([5]);
    // A task that becomes due later is still found, and only it.
    await advance(hours(2));
    expect(considered()).toEqual([5, 1]);
    expect(await overdue(later)).toHaveLength(1);
  });
});

describe("sync feeds", () => {
  /** Every task a poller sees following `path` (a `since` or `cursor` feed) to its end, and where it ends. */
  async function follow(path: string) {
    const seen: Record<string, unknown>[] = [];
    let next = path;
    for (let pages = 0; pages < 20; pages++) {
      const reply = await tenant.api.get(next);
      expect(reply.status).toBe(200);
      seen.push(...reply.body.tasks);
      if (!reply.body.has_more) return { seen, cursor: reply.body.next_cursor as string };
      next = `/api/external/tasks?cursor=${reply.body.next_cursor}`;
    }
    throw new Error("the feed did not end");
  }

  test("a task becoming overdue moves in the since and cursor feeds, with the event, once", async () => {
    const created = await tenant.api.post("/api/external/tasks", {
      title: "Follow up",
      due_at: dueIn(hours(1)).toISOString(),
    });
    expect(created.status).toBe(201);
    const taskId = created.body.id;
    // The poller's first sync: the task, not overdue yet.
    const first = await follow("/api/external/tasks?cursor=");
    expect(first.seen.find((t) => t.id === taskId)).toMatchObject({ is_overdue: false });
    clock.advance(1);
    const polledAt = clock.now().toISOString();

    await advance(hours(1));
    const [event] = await overdue(taskId);
    expect(event.data.is_overdue).toBe(true);

    const bySince = await follow(`/api/external/tasks?since=${polledAt}`);
    expect(bySince.seen.map((t) => t.id)).toEqual([taskId]);
    expect(bySince.seen[0]).toEqual(event.data);
    expect(bySince.seen[0]).toMatchObject({ is_overdue: true, updated_at: event.timestamp });

    const byCursor = await follow(`/api/external/tasks?cursor=${first.cursor}`);
    expect(byCursor.seen.map((t) => t.id)).toEqual([taskId]);
    expect(byCursor.seen[0]).toEqual(event.data);

    // Later ticks emit nothing more and move it no further.
    await advance(minutes(1));
    await advance(hours(1));
    expect(await overdue(taskId)).toHaveLength(1);
    expect((await follow(`/api/external/tasks?cursor=${byCursor.cursor}`)).seen).toEqual([]);
  });
});

describe("change times", () => {
  /** A clock that moves on by a millisecond each time it is read, as a real one does. */
  class TickingClock extends ManualClock {
    override now(): Date {
      const now = super.now();
      this.advance(1);
      return now;
    }
  }

  test("a task a tick moves carries the time its write ran, after the tick began: a since poll from then on sees it", async () => {
    const own = await startTestServer({ clock: new TickingClock(new Date(T0)) });
    try {
      const { tenantId: ownTenant, api } = await own.tenant();
      const taskId = await insertTask(own.ctx, ownTenant, { dueAt: new Date(T0 - hours(1)) });
      expect((await own.ctx.scheduler.runNow("task_overdue")).outcome).toBe("ok");
      const job = (await own.ctx.scheduler.status()).find((j) => j.name === "task_overdue");
      const tickBegan = Date.parse(job?.last_run_at as string);
      const [event] = await outboxOf(own.ctx.db, { type: "task.overdue", entityId: taskId });
      const task = (await api.get(`/api/external/tasks/${taskId}`)).body;
      expect(task.is_overdue).toBe(true);
      expect(Date.parse(task.updated_at)).toBeGreaterThan(tickBegan);
      expect(event.timestamp).toBe(task.updated_at);
      const since = new Date(tickBegan + 1).toISOString();
      const polled = await api.get(`/api/external/tasks?since=${since}`);
      expect(polled.body.tasks.map((t: { id: string }) => t.id)).toEqual([taskId]);
    } finally {
      await own.close();
    }
  });
});
