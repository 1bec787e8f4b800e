import { beforeAll, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { asc, eq, sql } from "drizzle-orm";
import type { Database } from "../db/client";
import {
  activityLog,
  counters,
  deals,
  leads,
  outboxEvents,
  partners,
  pipelines,
  stages,
  tasks,
} from "../db/schema";
import { seedTenant } from "../db/seed";
import { ManualClock } from "../src/clock";
import { createDemoTenant, DEMO_DATA } from "../src/demo";
import { startTestServer, type TenantClient } from "./helpers/server";
import { useTestServer } from "./helpers/suite";

const NOW = new Date("2026-06-15T12:00:00.000Z");
const YEAR = 365 * 86_400_000;
const clock = new ManualClock(NOW);
let db: Database;

const server = useTestServer({ clock });
beforeAll(async () => {
  db = server.ctx.db;
});

const syncCounter = async () =>
  (await db.read.select().from(counters).where(eq(counters.name, "sync")))[0].value;

const rowsOf = async <T extends typeof deals | typeof leads | typeof tasks | typeof partners>(
  table: T,
  tenantId: string,
) =>
  (await db.read
    .select()
    .from(table as typeof deals)
    .where(eq((table as typeof deals).tenantId, tenantId))
    .orderBy(asc((table as typeof deals).syncSeq))) as unknown as Array<T["$inferSelect"]>;

describe("seedTenant", () => {
  let tenant: TenantClient;
  let before: number;
  const progress: Array<{ entity: string; done: number; total: number }> = [];
  const counts = { deals: 300, leads: 200, tasks: 250, partners: 6 };

  beforeAll(async () => {
    tenant = await server.tenant();
    before = await syncCounter();
    const result = await seedTenant(db, tenant.tenantId, counts, (p) => progress.push(p), {
      now: NOW,
      seed: 42,
    });
    expect(result).toEqual({ pipelines: 2, ...counts });
  });

  test("creates a qualification and a sales pipeline with SLA stages and terminal stages", async () => {
    const rows = await db.read
      .select()
      .from(pipelines)
      .where(eq(pipelines.tenantId, tenant.tenantId));
    expect(rows.map((p) => p.pipelineType).sort()).toEqual(["qualification", "sales"]);
    for (const pipeline of rows) {
      const own = await db.read
        .select()
        .from(stages)
        .where(eq(stages.pipelineId, pipeline.id))
        .orderBy(asc(stages.position));
      expect(own.map((s) => s.kind).filter((k) => k !== "open")).toEqual(["won", "lost"]);
      for (const stage of own.filter((s) => s.kind === "open"))
        expect(stage.slaHours).toBeGreaterThan(0);
      expect(own.every((s) => s.tenantId === tenant.tenantId)).toBe(true);
      expect(pipeline.isDefault).toBe(true);
    }
  });

  test("rows are consistent: statuses, stages, times within the past year, links", async () => {
    const stageKind = new Map(
      (await db.read.select().from(stages).where(eq(stages.tenantId, tenant.tenantId))).map((s) => [
        s.id,
        s.kind,
      ]),
    );
    const partnerIds = new Set((await rowsOf(partners, tenant.tenantId)).map((p) => p.id));
    expect(partnerIds.size).toBe(counts.partners);
    const inYear = (d: Date) => d.getTime() >= NOW.getTime() - YEAR && d <= NOW;

    const dealRows = await rowsOf(deals, tenant.tenantId);
    expect(dealRows).toHaveLength(counts.deals);
    expect(new Set(dealRows.map((d) => d.status))).toEqual(new Set(["open", "won", "lost"]));
    for (const deal of dealRows) {
      expect(stageKind.get(deal.stageId)).toBe(deal.status);
      expect(deal.wonAt !== null).toBe(deal.status === "won");
      expect(deal.lostAt !== null).toBe(deal.status === "lost");
      expect(Number.isInteger(deal.value) && deal.value > 0).toBe(true);
      expect(inYear(deal.createdAt)).toBe(true);
      expect(deal.updatedAt >= deal.createdAt && deal.updatedAt <= NOW).toBe(true);
      if (deal.partnerId) expect(partnerIds.has(deal.partnerId)).toBe(true);
    }
    expect(dealRows.some((d) => d.partnerId)).toBe(true);

    const leadRows = await rowsOf(leads, tenant.tenantId);
    expect(leadRows).toHaveLength(counts.leads);
    for (const lead of leadRows) {
      const qualified = lead.status === "qualified" || lead.status === "converted";
      expect(lead.qualifiedAt !== null).toBe(qualified);
      expect(lead.disqualifiedAt !== null).toBe(lead.status === "disqualified");
      expect(["A", "B", "C", "D"]).toContain(lead.tier as string);
      expect(inYear(lead.createdAt)).toBe(true);
      if (lead.partnerId) expect(partnerIds.has(lead.partnerId)).toBe(true);
      expect(stageKind.has(lead.stageId as string)).toBe(true);
    }

    const dealIds = new Set(dealRows.map((d) => d.id));
    const leadIds = new Set(leadRows.map((l) => l.id));
    const taskRows = await rowsOf(tasks, tenant.tenantId);
    expect(taskRows).toHaveLength(counts.tasks);
    for (const task of taskRows) {
      expect(task.completedAt !== null).toBe(task.status === "completed");
      if (task.dealId) expect(dealIds.has(task.dealId)).toBe(true);
      if (task.leadId) expect(leadIds.has(task.leadId)).toBe(true);
    }
    expect(taskRows.some((t) => t.status === "pending" && t.dueAt && t.dueAt < NOW)).toBe(true);
  });

  test("reserves exactly one sync_seq per synced row; no activity rows, no events", async () => {
    const seqs = [
      ...(await rowsOf(deals, tenant.tenantId)),
      ...(await rowsOf(leads, tenant.tenantId)),
      ...(await rowsOf(tasks, tenant.tenantId)),
      ...(await rowsOf(partners, tenant.tenantId)),
    ].map((r) => r.syncSeq);
    const pipelineSeqs = (
      await db.read.select().from(pipelines).where(eq(pipelines.tenantId, tenant.tenantId))
    ).map((p) => p.syncSeq);
    const all = [...seqs, ...pipelineSeqs].sort((a, b) => a - b);
    expect(new Set(all).size).toBe(all.length);
    expect(all[0]).toBe(before + 1);
    expect(all.at(-1)).toBe(await syncCounter());
    const activity = await db.read
      .select({ n: sql<number>`count(*)` })
      .from(activityLog)
      .where(eq(activityLog.tenantId, tenant.tenantId));
    const events = await db.read
      .select({ n: sql<number>`count(*)` })
      .from(outboxEvents)
      .where(eq(outboxEvents.tenantId, tenant.tenantId));
    expect([activity[0].n, events[0].n]).toEqual([0, 0]);
  });

  test("a since feed of the seeded rows reads the oldest change first, as for rows written through the API", async () => {
    for (const resource of ["deals", "leads", "tasks", "partners"]) {
      const feed = await tenant.api.get(
        `/api/external/${resource}?since=2000-01-01T00:00:00Z&page_size=500`,
      );
      expect(feed.status).toBe(200);
      const times = (feed.body[resource] as Array<{ updated_at: string }>).map((r) => r.updated_at);
      expect({ resource, count: times.length }).toEqual({
        resource,
        count: counts[resource as keyof typeof counts],
      });
      expect({ resource, times }).toEqual({ resource, times: [...times].sort() });
    }
  });

  test("reports progress per entity up to its total", () => {
    for (const entity of ["pipelines", "partners", "leads", "deals", "tasks"]) {
      const last = progress.filter((p) => p.entity === entity).at(-1);
      expect(last && last.done === last.total).toBe(true);
    }
  });

  test("the API serves the seeded rows; KPIs agree with the rows", async () => {
    const listed = await tenant.api.get("/api/external/tasks?page_size=1");
    expect(listed.body.total).toBe(counts.tasks);
    const partnerList = await tenant.api.get("/api/external/partners");
    const dealRows = await rowsOf(deals, tenant.tenantId);
    for (const partner of partnerList.body.partners) {
      const own = dealRows.filter((d) => d.partnerId === partner.id);
      expect(partner.deal_count).toBe(own.length);
      expect(partner.won_value).toBe(
        own.filter((d) => d.status === "won").reduce((sum, d) => sum + d.value, 0),
      );
    }
    clock.set(NOW);
    const kpis = await tenant.api.get("/api/external/kpis?period=quarter");
    const start = new Date("2026-04-01T00:00:00.000Z");
    const created = dealRows.filter((d) => d.createdAt >= start);
    expect(kpis.body.deals).toMatchObject({
      total: created.length,
      won: created.filter((d) => d.status === "won").length,
    });
    expect(kpis.body.pipeline.value).toBe(
      dealRows.filter((d) => d.status === "open").reduce((sum, d) => sum + d.value, 0),
    );
  });

  test("a second seed reuses the pipelines and keeps partner names unique", async () => {
    const again = await seedTenant(
      db,
      tenant.tenantId,
      { deals: 5, leads: 0, tasks: 0, partners: 20 },
      undefined,
      { now: NOW, seed: 42 },
    );
    expect(again.pipelines).toBe(0);
    const names = (await rowsOf(partners, tenant.tenantId)).map((p) => p.name);
    expect(names).toHaveLength(26);
    expect(new Set(names).size).toBe(26);
  });

  test("the same seed gives the same data, in one bulk transaction or through drizzle writes", async () => {
    const bulk = await server.tenant();
    const viaDrizzle = await server.tenant();
    const small = { deals: 40, leads: 30, tasks: 30, partners: 3 };
    await seedTenant(db, bulk.tenantId, small, undefined, { now: NOW, seed: 7 });
    await seedTenant({ ...db, bulkWrite: null }, viaDrizzle.tenantId, small, undefined, {
      now: NOW,
      seed: 7,
    });
    for (const table of [deals, leads, tasks, partners]) {
      const shape = async (tenantId: string) =>
        (await rowsOf(table, tenantId)).map((row) => {
          const {
            id,
            tenantId: _,
            syncSeq,
            stageId,
            pipelineId,
            dealId,
            leadId,
            partnerId,
            ...rest
          } = row as Record<string, unknown>;
          return rest;
        });
      expect(await shape(viaDrizzle.tenantId)).toEqual(await shape(bulk.tenantId));
    }
  });
});

describe("demo tenant and CLI", () => {
  test("the first start creates a demo tenant with sample data", async () => {
    const fresh = await startTestServer({ clock });
    try {
      const key = await createDemoTenant(fresh.ctx, fresh.url);
      expect(key).toStartWith("elk_");
      const api = { "x-api-key": key as string };
      const taskList = await fresh.anonymous.get("/api/external/tasks?page_size=1", api);
      expect(taskList.body.total).toBe(DEMO_DATA.tasks);
      const partnerList = await fresh.anonymous.get("/api/external/partners", api);
      expect(partnerList.body.total).toBe(DEMO_DATA.partners);
      expect(await createDemoTenant(fresh.ctx, fresh.url)).toBeNull();
    } finally {
      await fresh.close();
    }
  });

  test("crmd seed fills a tenant and reports progress on stderr (JSON lines off a terminal)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "crmd-seed-cli-"));
    const env = { ...process.env, CRMD_DATABASE_URL: `file:${join(dir, "crmd.db")}` };
    const run = (args: string[]) =>
      Bun.spawnSync([process.execPath, "src/main.ts", ...args], {
        env,
        cwd: `${import.meta.dir}/..`,
      });
    try {
      expect(run(["tenants", "create", "--name", "cli"]).exitCode).toBe(0);
      const seeded = run([
        "seed",
        "--tenant",
        "cli",
        "--deals",
        "120",
        "--tasks",
        "10",
        "--partners",
        "2",
      ]);
      expect(seeded.exitCode).toBe(0);
      expect(JSON.parse(seeded.stdout.toString())).toMatchObject({
        deals: 120,
        leads: 0,
        tasks: 10,
        partners: 2,
        pipelines: 2,
      });
      // stderr is a pipe here: JSON lines, not a redrawn bar.
      const progress = seeded.stderr
        .toString()
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line));
      expect(progress).toContainEqual(
        expect.objectContaining({ msg: "progress", entity: "deals", done: 120, total: 120 }),
      );
      const bad = run(["seed", "--tenant", "cli", "--deals", "many"]);
      expect(bad.exitCode).toBe(2);
      expect(bad.stderr.toString()).toContain("--deals must be a whole number");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
