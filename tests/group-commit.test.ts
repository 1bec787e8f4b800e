import { afterEach, beforeEach, expect, test } from "bun:test";
import { eq, sql } from "drizzle-orm";
import { type Database, openDatabase } from "../db/client";
import { CachingConnection } from "../db/connection";
import { migrate } from "../db/migrate";
import { activityLog, apiKeys, counters, tenants } from "../db/schema";
import { reserveSyncSeq } from "../db/sequence";
import { insertValues } from "../src/prepared";

let db: Database;
beforeEach(async () => {
  db = await openDatabase(":memory:");
  await migrate(db);
});
afterEach(() => db.close());

const visibleNames = async () =>
  (await db.read.select({ name: tenants.name }).from(tenants)).map((row) => row.name).sort();

const insertTenant = (name: string) =>
  db.transaction(async (tx) => {
    await tx.insert(tenants).values({ id: name, name, createdAt: new Date() });
    return name;
  });

/** A write that fails only at COMMIT: a key for a tenant that does not exist, its check deferred. */
const failingAtCommit = () =>
  db.transaction(async (tx) => {
    await tx.run(sql`PRAGMA defer_foreign_keys = ON`);
    await tx.insert(apiKeys).values({
      id: "k",
      tenantId: "missing",
      name: "k",
      keyPrefix: "elk_",
      keyHash: "h",
      permissions: [],
      createdAt: new Date(),
    });
  });

test("writes in flight together share one commit: each resolves only once the whole batch is visible", async () => {
  const names = Array.from({ length: 20 }, (_, i) => `t${String(i).padStart(2, "0")}`);
  const seenAtFirstResolve: string[][] = [];
  await Promise.all(
    names.map((name) =>
      insertTenant(name).then(async () => {
        if (seenAtFirstResolve.length === 0) seenAtFirstResolve.push(await visibleNames());
      }),
    ),
  );
  // Committed one by one, the first caller would have seen only its own row.
  expect(seenAtFirstResolve[0]).toEqual(names);
});

test("a write that throws is rolled back alone; the others in its batch commit", async () => {
  const outcomes = await Promise.allSettled([
    insertTenant("a"),
    db.transaction(async (tx) => {
      await tx.insert(tenants).values({ id: "doomed", name: "doomed", createdAt: new Date() });
      throw new Error("service refused");
    }),
    insertTenant("b"),
    // A unique violation fails inside SQLite; the batch goes on.
    insertTenant("a"),
    insertTenant("c"),
  ]);
  expect(outcomes.map((o) => o.status)).toEqual([
    "fulfilled",
    "rejected",
    "fulfilled",
    "rejected",
    "fulfilled",
  ]);
  expect(String((outcomes[1] as PromiseRejectedResult).reason)).toContain("service refused");
  expect(String((outcomes[3] as PromiseRejectedResult).reason)).toContain("UNIQUE");
  expect(await visibleNames()).toEqual(["a", "b", "c"]);
});

test("a COMMIT that fails rejects every write of its batch and stores none of them", async () => {
  const outcomes = await Promise.allSettled([
    insertTenant("x"),
    failingAtCommit(),
    insertTenant("y"),
  ]);
  expect(outcomes.every((o) => o.status === "rejected")).toBe(true);
  for (const outcome of outcomes)
    expect(String((outcome as PromiseRejectedResult).reason)).toContain("FOREIGN KEY");
  expect(await visibleNames()).toEqual([]);
  // The next write starts a fresh transaction.
  await insertTenant("z");
  expect(await visibleNames()).toEqual(["z"]);
});

test("a nested transaction inside a write waits for its async work and rolls back alone", async () => {
  await db.transaction(async (tx) => {
    await tx.insert(tenants).values({ id: "outer", name: "outer", createdAt: new Date() });
    await tx
      .transaction(async (inner) => {
        await inner.insert(tenants).values({ id: "inner", name: "inner", createdAt: new Date() });
        await Bun.sleep(5);
        throw new Error("inner failed");
      })
      .catch(() => undefined);
    await tx.transaction(async (inner) => {
      await Bun.sleep(5);
      await inner.insert(tenants).values({ id: "kept", name: "kept", createdAt: new Date() });
    });
  });
  expect(await visibleNames()).toEqual(["kept", "outer"]);
});

const syncCounter = async () =>
  (await db.read.select().from(counters).where(eq(counters.name, "sync")))[0].value;

test("sync numbers: one batch takes distinct, increasing numbers; a write rolled back leaves a gap, never a reuse", async () => {
  const start = await syncCounter();
  const outcomes = await Promise.allSettled(
    Array.from({ length: 10 }, (_, i) =>
      db.transaction(async (tx) => {
        // Nested work (a savepoint) draws from the same batch.
        const first =
          i % 3 === 0
            ? await tx.transaction((inner) => reserveSyncSeq(inner))
            : await reserveSyncSeq(tx, i === 4 ? 5 : 1);
        if (i === 6) throw new Error("rolled back after taking a number");
        return first;
      }),
    ),
  );
  const taken = outcomes.map((o) => (o.status === "fulfilled" ? o.value : null));
  expect(taken.filter((n) => n === null)).toHaveLength(1);
  const kept = taken.filter((n): n is number => n !== null);
  // In call order, each after the last (the fifth took a block of five)...
  expect(kept).toEqual([...kept].sort((a, b) => a - b));
  expect(new Set(kept).size).toBe(kept.length);
  expect(kept[0]).toBe(start + 1);
  // ...and the counter stored with the batch covers every number handed out, the lost one too.
  expect(await syncCounter()).toBe(start + 14);
  const next = await db.transaction((tx) => reserveSyncSeq(tx));
  expect(next).toBe(start + 15);
});

test("a connection reuses compiled statements; an evicted one still works for whoever holds it", () => {
  const conn = new CachingConnection(":memory:");
  const first = conn.prepare("SELECT 1 AS one");
  expect(conn.prepare("SELECT 1 AS one")).toBe(first);
  for (let i = 0; i < 600; i++) conn.prepare(`SELECT ${i + 2} AS n`);
  // Evicted (least recently used): preparing it again compiles a new one...
  const again = conn.prepare("SELECT 1 AS one");
  expect(again).not.toBe(first);
  // ...while a holder of the old one (a drizzle prepared query) can still run it.
  expect(first.get()).toEqual({ one: 1 });
  conn.close();
  // Closing finalized every statement still alive, the evicted ones included.
  expect(() => first.get()).toThrow();
});

test("inserts of one table with different columns each write the columns they give", async () => {
  const row = (id: string, actorId?: string | null) => ({
    id,
    tenantId: "t",
    entityType: "deal",
    entityId: `e-${id}`,
    action: "created",
    actorType: "api_key",
    actorId,
    changes: { title: { old: null, new: id } },
    createdAt: new Date(1_700_000_000_000),
    syncSeq: 1,
  });
  await db.transaction(async (tx) => {
    await insertValues(tx, activityLog, row("a", "key-a"));
    await insertValues(tx, activityLog, row("b"));
    await insertValues(tx, activityLog, { ...row("c", "key-c"), actorName: "Ann" });
    await insertValues(tx, activityLog, row("d", null));
  });
  const rows = await db.read
    .select({ id: activityLog.id, actorId: activityLog.actorId, actorName: activityLog.actorName })
    .from(activityLog)
    .orderBy(activityLog.id);
  expect(rows).toEqual([
    { id: "a", actorId: "key-a", actorName: null },
    { id: "b", actorId: null, actorName: null },
    { id: "c", actorId: "key-c", actorName: "Ann" },
    { id: "d", actorId: null, actorName: null },
  ]);
});

test("each batch is told to the database's observer: its writes, its duration, failed when its COMMIT fails; an observer that throws stops no write", async () => {
  const batches: Array<{ writes: number; seconds: number; outcome: string }> = [];
  db.observeCommits((writes, seconds, outcome) => batches.push({ writes, seconds, outcome }));
  await Promise.all(Array.from({ length: 20 }, (_, i) => insertTenant(`o${i}`)));
  expect(batches.every((b) => b.outcome === "committed")).toBe(true);
  expect(batches.reduce((sum, b) => sum + b.writes, 0)).toBe(20);
  expect(batches.length).toBeLessThan(20);
  for (const { seconds } of batches) expect(seconds).toBeGreaterThan(0);
  batches.length = 0;
  const failing = await Promise.allSettled([insertTenant("p"), failingAtCommit()]);
  expect(failing.map((o) => o.status)).toEqual(["rejected", "rejected"]);
  expect(batches).toEqual([{ writes: 2, seconds: expect.any(Number), outcome: "failed" }]);
  db.observeCommits(() => {
    throw new Error("a broken observer");
  });
  await insertTenant("q");
  await insertTenant("r");
  expect(await visibleNames()).toContain("r");
});
