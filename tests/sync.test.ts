import { beforeAll, expect, test } from "bun:test";
import { eq } from "drizzle-orm";
import { tasks } from "../db/schema";
import { seededRandom } from "../db/seed-data";
import type { TenantClient } from "./helpers/server";
import { useTestServer } from "./helpers/suite";

/**
 * A client syncs GET /tasks by cursor (7 a page) while another writer creates,
 * updates and deletes tasks. When the writer stops, the client follows
 * next_cursor to the end: it must have seen every task's last version,
 * tombstones included, and nothing that does not exist.
 */

let tenant: TenantClient;
const server = useTestServer();
beforeAll(async () => {
  tenant = await server.tenant(undefined, ["tasks:read", "tasks:write"], { rate_limit: 100_000 });
});

interface Version {
  title: string;
  updated_at: string;
  deleted_at: string | null;
}

test("cursor sync sees the last version of every task while another writer changes them", async () => {
  const api = tenant.api;
  const syncClient = await server.keyFor(tenant.tenantId, ["tasks:read"], { rate_limit: 100_000 });
  const random = seededRandom(2026);
  const live: string[] = [];
  for (let i = 0; i < 20; i++) {
    const created = await api.post("/api/external/tasks", { title: `t${i} v0` });
    live.push(created.body.id);
  }

  let writing = true;
  const writer = async () => {
    for (let step = 0; step < 90; step++) {
      const roll = random();
      if (roll < 0.3 || live.length < 5) {
        const created = await api.post("/api/external/tasks", { title: `new${step} v0` });
        live.push(created.body.id);
      } else if (roll < 0.85) {
        const id = live[Math.floor(random() * live.length)];
        const reply = await api.patch(`/api/external/tasks/${id}`, { title: `${id} v${step}` });
        expect(reply.status).toBe(200);
      } else {
        const [id] = live.splice(Math.floor(random() * live.length), 1);
        expect((await api.delete(`/api/external/tasks/${id}`)).status).toBe(200);
      }
    }
    writing = false;
  };

  const seen = new Map<string, Version>();
  let pagesWhileWriting = 0;
  const reader = async () => {
    let cursor = "";
    for (;;) {
      const stillWriting = writing;
      const reply = await syncClient.get(`/api/external/tasks?cursor=${cursor}&page_size=7`);
      expect(reply.status).toBe(200);
      const ids = reply.body.tasks.map((t: any) => t.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const task of reply.body.tasks)
        seen.set(task.id, {
          title: task.title,
          updated_at: task.updated_at,
          deleted_at: task.deleted_at,
        });
      expect(reply.body.tasks.length).toBeLessThanOrEqual(7);
      cursor = reply.body.next_cursor;
      if (stillWriting) pagesWhileWriting++;
      else if (reply.body.tasks.length === 0) break;
    }
  };

  await Promise.all([writer(), reader()]);

  // the two really ran interleaved: the client paged while writes were landing
  expect(pagesWhileWriting).toBeGreaterThan(5);
  const rows = await server.ctx.db.read
    .select()
    .from(tasks)
    .where(eq(tasks.tenantId, tenant.tenantId));
  const final = new Map(
    rows.map((row) => [
      row.id,
      {
        title: row.title,
        updated_at: row.updatedAt.toISOString(),
        deleted_at: row.deletedAt?.toISOString() ?? null,
      },
    ]),
  );
  expect(rows.some((row) => row.deletedAt)).toBe(true);
  expect(rows.length).toBeGreaterThan(30);
  expect(Object.fromEntries(seen)).toEqual(Object.fromEntries(final));
});

test("an empty since page hands out a cursor that continues from now, not from the start", async () => {
  const api = tenant.api;
  await api.post("/api/external/tasks", { title: "before" });
  const future = new Date(Date.now() + 86_400_000).toISOString();
  const empty = await api.get(`/api/external/tasks?since=${future}`);
  expect(empty.status).toBe(200);
  expect(empty.body.tasks).toEqual([]);
  expect(empty.body.next_cursor).toBeString();
  const created = await api.post("/api/external/tasks", { title: "after" });
  const next = await api.get(`/api/external/tasks?cursor=${empty.body.next_cursor}`);
  expect(next.body.tasks.map((t: { id: string }) => t.id)).toEqual([created.body.id]);
  const again = await api.get(`/api/external/tasks?cursor=${next.body.next_cursor}`);
  expect(again.body.tasks).toEqual([]);
  expect(again.body.next_cursor).toBe(next.body.next_cursor);
  const later = await api.post("/api/external/tasks", { title: "later" });
  const last = await api.get(`/api/external/tasks?cursor=${again.body.next_cursor}`);
  expect(last.body.tasks.map((t: { id: string }) => t.id)).toEqual([later.body.id]);
});
