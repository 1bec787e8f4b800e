/**
 * PostgreSQL's optimistic write batches (db/pg/pipeline.ts): inserts are
 * sent without waiting for each answer; when one of them fails, the batch
 * runs again statement by statement, so each write meets its own error and
 * the others commit. Runs in the PostgreSQL run.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SQL } from "bun";
import { eq, sql } from "drizzle-orm";
import { type Database, openDatabase } from "../db/client";
import { counters, outboxEvents, tenants } from "../db/schema";
import { reserveSyncSeq } from "../db/sequence";
import { recordChange } from "../src/activity";
import { insertValues, prepared } from "../src/prepared";
import { testDatabase, testPostgresUrl } from "./helpers/database";
import { insertStatements } from "./helpers/statements";

describe.skipIf(!testPostgresUrl)("pipelined writes on PostgreSQL", () => {
  // Made when the tests run: a skipped describe runs no afterAll to remove it.
  let dir = "";
  let database: { url: string; drop(): Promise<void> };
  let db: Database;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "crmd-pipelined-"));
    database = await testDatabase(dir);
    db = await openDatabase(database.url);
  });

  afterAll(async () => {
    await db?.close();
    await database?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  const names = async (prefix: string) =>
    (await db.read.select({ name: tenants.name }).from(tenants))
      .map((row) => row.name)
      .filter((name) => name.startsWith(prefix))
      .sort();

  const insertOn = (handle: Database, name: string) =>
    handle.transaction(async (tx) => {
      await tx.insert(tenants).values({ id: name, name, createdAt: new Date() });
      return name;
    });

  const insertTenant = (name: string, runs?: string[]) =>
    db.transaction(async (tx) => {
      runs?.push(name);
      await tx.insert(tenants).values({ id: name, name, createdAt: new Date() });
      return name;
    });

  test("a duplicate key among sent inserts fails only its own write, with its own error", async () => {
    await insertTenant("p-taken");
    const runs: string[] = [];
    const outcomes = await Promise.allSettled([
      insertTenant("p-a", runs),
      insertTenant("p-b", runs),
      insertTenant("p-taken", runs),
      insertTenant("p-c", runs),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual([
      "fulfilled",
      "fulfilled",
      "rejected",
      "fulfilled",
    ]);
    expect(db.dialect.isUniqueViolation((outcomes[2] as PromiseRejectedResult).reason)).toBe(true);
    expect(await names("p-")).toEqual(["p-a", "p-b", "p-c", "p-taken"]);
    // The optimistic batch was dropped and ran again: each write ran twice.
    expect(runs.filter((name) => name === "p-a")).toHaveLength(2);
  });

  test("the commit observer is told of the dropped optimistic batch (run_again) and of the batch that committed its writes", async () => {
    await insertTenant("o-taken");
    const batches: Array<{ writes: number; outcome: string }> = [];
    db.observeCommits((writes, _seconds, outcome) => batches.push({ writes, outcome }));
    try {
      await Promise.allSettled(["o-a", "o-b", "o-taken", "o-c"].map((name) => insertTenant(name)));
    } finally {
      db.observeCommits(() => {});
    }
    expect(batches.map((b) => b.outcome)).toEqual(["run_again", "committed"]);
    // The dropped batch had taken the failed insert (the third) and those before it.
    expect(batches[0].writes).toBeGreaterThanOrEqual(3);
    expect(batches[1].writes).toBe(4);
  });

  test("a write that reads after its failed insert is run again and meets the real error", async () => {
    await insertTenant("q-taken");
    const seen: string[] = [];
    const outcomes = await Promise.allSettled([
      insertTenant("q-a"),
      db.transaction(async (tx) => {
        await tx.insert(tenants).values({ id: "q-taken", name: "q-dup", createdAt: new Date() });
        // Sent without an answer: the read after it is where the failure shows.
        const rows = await tx.all(sql`select 1`).catch((error) => {
          seen.push(db.dialect.isUniqueViolation(error) ? "unique" : "aborted");
          throw error;
        });
        return rows;
      }),
      insertTenant("q-b"),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    // Optimistically, the read met the aborted transaction; run again statement
    // by statement, the insert itself failed (the read never ran) with its own error.
    expect(seen).toEqual(["aborted"]);
    expect(db.dialect.isUniqueViolation((outcomes[1] as PromiseRejectedResult).reason)).toBe(true);
    expect(await names("q-")).toEqual(["q-a", "q-b", "q-taken"]);
  });

  test("sync numbers of a batch run again stay distinct and the counter covers them", async () => {
    const counter = async () =>
      (await db.read.select().from(counters).where(eq(counters.name, "sync")))[0].value;
    await insertTenant("s-taken");
    const start = await counter();
    const outcomes = await Promise.allSettled(
      ["s-1", "s-2", "s-taken", "s-3"].map((name) =>
        db.transaction(async (tx) => {
          const seq = await reserveSyncSeq(tx);
          await tx.insert(tenants).values({ id: name, name, createdAt: new Date() });
          return seq;
        }),
      ),
    );
    const kept = outcomes.flatMap((o) => (o.status === "fulfilled" ? [o.value] : []));
    expect(kept).toHaveLength(3);
    expect(kept).toEqual([...kept].sort((x, y) => x - y));
    expect(kept[0]).toBeGreaterThan(start);
    expect(await counter()).toBeGreaterThanOrEqual(kept[2]);
  });
  /** The transaction ids that wrote the tenants named `prefix…`: one per (sub)transaction. */
  const writers = async (prefix: string) =>
    (
      await db.execute(
        "select distinct xmin::text as xid from tenants where name like ? order by 1",
        [`${prefix}%`],
      )
    ).map((row) => String(row.xid));

  test("the writes of one batch are one transaction, with no subtransaction per write", async () => {
    const outcomes = await Promise.allSettled(
      ["x-1", "x-2", "x-3", "x-4"].map((name) => insertTenant(name)),
    );
    expect(outcomes.map((o) => o.status)).toEqual([
      "fulfilled",
      "fulfilled",
      "fulfilled",
      "fulfilled",
    ]);
    expect(await names("x-")).toEqual(["x-1", "x-2", "x-3", "x-4"]);
    expect(await writers("x-")).toHaveLength(1);
  });

  test("a write that fails before changing anything fails alone and the batch is not run again", async () => {
    const runs: string[] = [];
    const outcomes = await Promise.allSettled([
      insertTenant("y-a", runs),
      db.transaction(async (tx) => {
        runs.push("y-bad");
        await tx.select().from(tenants).where(eq(tenants.id, "y-a"));
        throw new Error("refused after a read");
      }),
      insertTenant("y-b", runs),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect((outcomes[1] as PromiseRejectedResult).reason.message).toBe("refused after a read");
    expect(runs).toEqual(["y-a", "y-bad", "y-b"]);
    expect(await names("y-")).toEqual(["y-a", "y-b"]);
  });

  test("a write that fails after an insert is rolled back alone and the others commit", async () => {
    const outcomes = await Promise.allSettled([
      insertTenant("z-a"),
      db.transaction(async (tx) => {
        await tx.insert(tenants).values({ id: "z-half", name: "z-half", createdAt: new Date() });
        throw new Error("refused after an insert");
      }),
      insertTenant("z-b"),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect((outcomes[1] as PromiseRejectedResult).reason.message).toBe("refused after an insert");
    expect(await names("z-")).toEqual(["z-a", "z-b"]);
  });

  const actor = { type: "system" as const, id: null, name: "test" };
  const change = (entityId: string) =>
    db.transaction((tx) =>
      recordChange(tx, {
        tenantId: "t-gather",
        actor,
        entityType: "deal",
        entityId,
        action: "created",
        before: null,
        after: { id: entityId },
        at: new Date(),
        events: [{ type: "deal.created", data: { id: entityId } }],
      }),
    );

  test("the activity rows and events of a batch are one INSERT a table, each table's rows in the batch's order", async () => {
    const ids = ["g-1", "g-2", "g-3", "g-4", "g-5"];
    const statements = await insertStatements(db, ["activity_log", "outbox_events"], () =>
      Promise.all(ids.map(change)),
    );
    expect(statements).toEqual({ activity_log: 1, outbox_events: 1 });
    const events = await db.execute(
      "SELECT entity_id FROM outbox_events WHERE tenant_id = 't-gather' ORDER BY seq",
    );
    expect(events.map((row) => row.entity_id)).toEqual(ids);
    const activity = await db.execute(
      "SELECT entity_id FROM activity_log WHERE tenant_id = 't-gather' ORDER BY sync_seq",
    );
    expect(activity.map((row) => row.entity_id)).toEqual(ids);
  });

  test("a write that cannot have the writer lock fails with the lock's error and leaves its connection clean", async () => {
    const holder = new SQL(database.url, { max: 1 });
    const timed = new SQL(database.url, { max: 1 });
    await timed.unsafe(
      `ALTER DATABASE "${new URL(database.url).pathname.slice(1)}" SET lock_timeout = '20ms'`,
    );
    // Connections made from now on give up waiting for a lock after 20 ms.
    const impatient = await openDatabase(database.url);
    try {
      await holder.unsafe("SELECT pg_advisory_lock(7411002)");
      // More failed batches than the pool has connections: each goes back to the pool.
      for (let i = 0; i < 20; i++) {
        const outcome = await Promise.allSettled([insertOn(impatient, `l-${i}`)]);
        expect(outcome[0].status).toBe("rejected");
        expect(String((outcome[0] as PromiseRejectedResult).reason)).toContain("lock timeout");
      }
      await holder.unsafe("SELECT pg_advisory_unlock(7411002)");
      expect(await insertOn(impatient, "l-after")).toBe("l-after");
      expect(await names("l-")).toEqual(["l-after"]);
    } finally {
      await impatient.close();
      await timed.unsafe(
        `ALTER DATABASE "${new URL(database.url).pathname.slice(1)}" RESET lock_timeout`,
      );
      await timed.close();
      await holder.close();
    }
  });

  test("a gathered insert that fails fails only its own write, with its own error", async () => {
    const event = (id: string) =>
      db.transaction((tx) =>
        insertValues(tx, outboxEvents, {
          id,
          tenantId: "t-dup",
          eventType: "deal.created",
          body: "{}",
          occurredAt: new Date(),
        }),
      );
    const outcomes = await Promise.allSettled([
      event("evt_dup-1"),
      event("evt_dup-2"),
      event("evt_dup-1"),
      event("evt_dup-3"),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual([
      "fulfilled",
      "fulfilled",
      "rejected",
      "fulfilled",
    ]);
    expect(db.dialect.isUniqueViolation((outcomes[2] as PromiseRejectedResult).reason)).toBe(true);
    const stored = await db.execute(
      "SELECT id FROM outbox_events WHERE tenant_id = 't-dup' ORDER BY seq",
    );
    expect(stored.map((row) => row.id)).toEqual(["evt_dup-1", "evt_dup-2", "evt_dup-3"]);
  });
  test("gathered rows of one table keep their order when their column lists differ", async () => {
    const event = (id: string, entityType?: string) =>
      db.transaction((tx) =>
        insertValues(tx, outboxEvents, {
          id,
          tenantId: "t-shapes",
          eventType: "deal.created",
          entityType,
          body: "{}",
          occurredAt: new Date(),
        }),
      );
    await Promise.all([
      event("evt_shape-1", "deal"),
      event("evt_shape-2"),
      event("evt_shape-3", "deal"),
    ]);
    const stored = await db.execute(
      "SELECT id FROM outbox_events WHERE tenant_id = 't-shapes' ORDER BY seq",
    );
    expect(stored.map((row) => row.id)).toEqual(["evt_shape-1", "evt_shape-2", "evt_shape-3"]);
  });
  test("a query prepared in one write batch runs again in the next, on that batch's connection", async () => {
    const built: unknown[] = [];
    const nameOf = (name: string) =>
      db.transaction(async (tx) => {
        const query = prepared(tx, "test-tenant-name", () =>
          tx
            .select({ name: tenants.name })
            .from(tenants)
            .where(eq(tenants.id, sql.placeholder("id")))
            .prepare(),
        );
        built.push(query);
        // A write before the read: the read sees it only on the batch's own connection.
        await tx.insert(tenants).values({ id: name, name, createdAt: new Date() });
        return (await query.all({ id: name }))[0]?.name;
      });
    expect(await nameOf("p-shared-1")).toBe("p-shared-1");
    expect(await nameOf("p-shared-2")).toBe("p-shared-2");
    expect(built[1]).toBe(built[0]);
  });
});
