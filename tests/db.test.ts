import { afterAll, beforeAll, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { count, eq, getTableColumns, sum } from "drizzle-orm";
import { type Database, openDatabase } from "../db/client";
import { migrate } from "../db/migrate";
import { compileRowMapper } from "../db/row-mapper";
import { deals, tenants } from "../db/schema";

let db: Database;
beforeAll(async () => {
  db = await openDatabase(":memory:");
  await migrate(db);
  await db.transaction(async (tx) => {
    await tx.insert(tenants).values([
      { id: "a", name: "alpha", createdAt: new Date(1000) },
      { id: "b", name: "beta", createdAt: new Date(3000) },
    ]);
  });
});
afterAll(() => db.close());

test("offloaded reads run on the worker and see committed data, with bound parameters", async () => {
  const query = db.read
    .select({ n: count(), total: sum(tenants.createdAt) })
    .from(tenants)
    .where(eq(tenants.name, "beta"));
  const rows = await db.offload<{ n: number; total: number }>(query);
  expect(rows).toEqual([{ n: 1, total: 3000 }]);
});

test("an offloaded query error rejects without killing the worker", async () => {
  const bad = { toSQL: () => ({ sql: "select * from no_such_table", params: [] }) };
  await expect(db.offload(bad)).rejects.toThrow("no such table");
  const again = await db.offload<{ n: number }>(db.read.select({ n: count() }).from(tenants));
  expect(again[0].n).toBe(2);
});

test(":memory: is served by a temporary file that both handles share and that is removed on close", async () => {
  const { existsSync } = await import("node:fs");
  const memory = await openDatabase(":memory:");
  await migrate(memory);
  await memory.transaction((tx) =>
    tx.insert(tenants).values({ id: "m", name: "mem", createdAt: new Date() }),
  );
  const rows = await memory.read.select().from(tenants);
  expect(rows.map((r) => r.name)).toEqual(["mem"]);
  const file = String((await memory.execute("PRAGMA database_list"))[0].file);
  expect(existsSync(file)).toBe(true);
  await memory.close();
  expect(existsSync(file)).toBe(false);
});

test("parseTime reads times without an offset as UTC and refuses junk with the field path", async () => {
  const { parseTime } = await import("../src/pagination");
  expect(parseTime("2026-01-10T08:30:00", "/since").toISOString()).toBe("2026-01-10T08:30:00.000Z");
  expect(parseTime("2026-01-10", "/since").toISOString()).toBe("2026-01-10T00:00:00.000Z");
  expect(parseTime("2026-01-10T08:30:00+02:00", "/since").toISOString()).toBe(
    "2026-01-10T06:30:00.000Z",
  );
  expect(() => parseTime("yesterday", "/since")).toThrow("since");
  expect(() => parseTime("2026-13-45T00:00:00Z", "/since")).toThrow();
});

test("secret box: sealed secrets open only with the same key; the key file is created once, 0600", async () => {
  const { mkdtempSync, rmSync, statSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const { join } = await import("node:path");
  const { SecretBox, loadSecretKey } = await import("../src/secrets");
  const dir = mkdtempSync(join(tmpdir(), "crmd-key-"));
  try {
    const key = loadSecretKey(undefined, dir);
    expect(loadSecretKey(undefined, dir).equals(key)).toBe(true);
    expect(statSync(join(dir, "secret.key")).mode & 0o777).toBe(0o600);
    const box = new SecretBox(key);
    const sealed = box.seal("whsec_abc");
    expect(sealed).not.toContain("abc");
    expect(box.seal("whsec_abc")).not.toBe(sealed);
    expect(box.open(sealed)).toBe("whsec_abc");
    const other = new SecretBox(loadSecretKey("ab".repeat(32), dir));
    expect(() => other.open(sealed)).toThrow();
    expect(() => loadSecretKey("short", dir)).toThrow("CRMD_SECRET_KEY");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("WAL checkpoints run off the writer: committed pages reach the database file within moments", async () => {
  const { mkdtempSync, statSync, rmSync } = await import("node:fs");
  const { join } = await import("node:path");
  const { tmpdir } = await import("node:os");
  const dir = mkdtempSync(join(tmpdir(), "crmd-ckpt-"));
  const path = join(dir, "ckpt.db");
  const file = await openDatabase(`file:${path}`);
  try {
    await migrate(file);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const before = statSync(path).size;
    // ~2 MB of rows: far below the writer's own automatic checkpoint (10,000 pages).
    for (let i = 0; i < 20; i++)
      await file.transaction(async (tx) => {
        await tx.insert(tenants).values(
          Array.from({ length: 25 }, (_, j) => ({
            id: `t-${i}-${j}`,
            name: `${i}-${j}-${"x".repeat(4000)}`,
            createdAt: new Date(),
          })),
        );
      });
    const grown = async () => {
      for (let waited = 0; waited < 5000; waited += 50) {
        if (statSync(path).size >= before + 2_000_000) return true;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return false;
    };
    expect(await grown()).toBe(true);
  } finally {
    await file.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a checkpoint thread that cannot run hands checkpoints back to the writer", async () => {
  const { Checkpointer } = await import("../db/checkpointer");
  let handedBack = false;
  const checkpointer = new Checkpointer(
    "/no/such/dir/crmd.db",
    () => {
      handedBack = true;
    },
    10,
  );
  checkpointer.noteCommit();
  for (let waited = 0; waited < 3000 && !handedBack; waited += 20)
    await new Promise((resolve) => setTimeout(resolve, 20));
  expect(handedBack).toBe(true);
  await checkpointer.close();
});

test("closing while a checkpoint runs keeps the process alive until the close ends", async () => {
  // The checkpoint thread is unref'd; a close waiting on it alone must not let
  // the process end early (with exit code 0) before the caller's own exit.
  const dir = mkdtempSync(join(tmpdir(), "crmd-close-"));
  try {
    const child = Bun.spawn(
      [
        process.execPath,
        "-e",
        `const { Database } = require("bun:sqlite");
         const { Checkpointer } = require(${JSON.stringify(join(import.meta.dir, "../db/checkpointer.ts"))});
         const path = ${JSON.stringify(join(dir, "crmd.db"))};
         const db = new Database(path);
         db.exec("PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0; CREATE TABLE t (x BLOB)");
         const insert = db.prepare("INSERT INTO t VALUES (randomblob(4000))");
         db.transaction(() => { for (let i = 0; i < 20000; i++) insert.run(); })();
         const checkpointer = new Checkpointer(path, () => {}, 1);
         checkpointer.noteCommit();
         setTimeout(async () => {
           await checkpointer.close();
           process.exit(7);
         }, 20);`,
      ],
      { stdout: "inherit", stderr: "inherit" },
    );
    expect(await child.exited).toBe(7);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 30_000);

test("opening a file another process holds locked waits for it instead of failing", async () => {
  const dir = mkdtempSync(join(tmpdir(), "crmd-locked-"));
  const path = join(dir, "crmd.db");
  try {
    await (await openDatabase(`file:${path}`)).close();
    // Another process holds the file's lock for a moment, as one starting or
    // closing its last connection does.
    const holder = Bun.spawn(
      [
        process.execPath,
        "-e",
        `const { Database } = require("bun:sqlite");
         const db = new Database(${JSON.stringify(path)});
         db.exec("PRAGMA locking_mode = EXCLUSIVE");
         db.exec("BEGIN IMMEDIATE"); db.exec("CREATE TABLE held (x)"); db.exec("COMMIT");
         console.log("locked");
         setTimeout(() => db.close(), 400);`,
      ],
      { stdout: "pipe" },
    );
    await holder.stdout.getReader().read();
    const started = performance.now();
    const opened = await openDatabase(`file:${path}`);
    expect(await opened.execute("SELECT count(*) AS n FROM held")).toEqual([{ n: 0 }]);
    expect(performance.now() - started).toBeGreaterThan(100);
    await opened.close();
    await holder.exited;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the list row mapper decodes driver values as drizzle does: times, JSON (empty or not), nulls", () => {
  const columns = Object.entries(getTableColumns(deals));
  const toRow = compileRowMapper<Record<string, unknown>>(deals);
  const driverRow = (values: Record<string, unknown>) =>
    columns.map(([key]) => (key in values ? values[key] : null));
  const asDrizzle = (values: unknown[]) =>
    Object.fromEntries(
      columns.map(([key, column], i) => [
        key,
        values[i] === null ? null : column.mapFromDriverValue(values[i]),
      ]),
    );
  for (const values of [
    { id: "d1", tags: "[]", customFields: "{}", contactIds: "[]", createdAt: 1765110665860 },
    { id: "d2", tags: '["a","b"]', customFields: '{"n":1}', contactIds: '["c"]', wonAt: 0 },
    { id: "d3", tags: "[ ]", customFields: '{"list":[]}', lostAt: -86400001 },
  ]) {
    const row = driverRow(values);
    expect(toRow(row)).toEqual(asDrizzle(row));
  }
  // An empty list or object is a new one for every row: changing one changes no other.
  const a = toRow(driverRow({ tags: "[]", customFields: "{}" }));
  const b = toRow(driverRow({ tags: "[]", customFields: "{}" }));
  (a.tags as string[]).push("x");
  (a.customFields as Record<string, unknown>).k = 1;
  expect(b.tags).toEqual([]);
  expect(b.customFields).toEqual({});
  expect(a.createdAt).toBeNull();
});
