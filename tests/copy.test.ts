import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { type Database, openDatabase, type SnapshotRead } from "../db/client";
import { copyDatabase } from "../db/copy";
import { migrate, migrationsOf } from "../db/migrate";
import { tablesOf } from "../db/pg/catalog";
import { INDEX_BATCH } from "../db/search";
import { seedTenant } from "../db/seed";
import { pruneOutbox } from "../src/core";
import { created } from "./helpers/api";
import { testDatabase } from "./helpers/database";
import { startHranaServer } from "./helpers/hrana-server";
import { runCrmd } from "./helpers/process";
import { startTestServer, type TenantClient, type TestServer } from "./helpers/server";
import { salesPipeline } from "./sales-fixtures";
import { type Receiver, startReceiver } from "./webhook-receiver";

const dir = mkdtempSync(join(tmpdir(), "crmd-copy-"));
let source: TestServer;
let a: TenantClient;
let receiver: Receiver;
/** A webhook whose custom header carries a receiver's credential. */
let guarded: { id: string; url: string };
const RECEIVER_TOKEN = "Bearer rcv_copy_5e6f7a8b";
const cleanups: Array<() => Promise<void>> = [];
const KEYED = { "idempotency-key": "copied-replay" };

/** Every row of every table, in key order: what a copy must carry over unchanged. */
async function contents(db: Database) {
  const out: Record<string, unknown[]> = {};
  for (const table of await tablesOf(db)) {
    if (["search_docs", "search_pending"].includes(table.name)) continue;
    const order = table.key.length ? ` ORDER BY ${table.key.map((k) => `"${k}"`).join(", ")}` : "";
    out[table.name] = await db.execute(`SELECT * FROM "${table.name}"${order}`);
  }
  return out;
}

/** Every row of `table` as JSON, sorted: its contents whatever order it is read in. */
async function rowsOf(db: Database, table: string) {
  return (await db.execute(`SELECT * FROM "${table}"`)).map((row) => JSON.stringify(row)).sort();
}

/** Tables without a primary key, each with an index that orders its rows other than they were written. */
const KEYLESS: Record<string, string> = {
  associations: "associations_reverse_idx",
  custom_field_archive: "custom_field_archive_record_idx",
  customer_identities: "customer_identities_contact_idx",
};

/**
 * `db` as a copy reads it, except that on PostgreSQL each keyless table is
 * rewritten in another physical order (CLUSTER, as maintenance may do)
 * after the copy took its snapshot, just before it reads that table: the
 * data stays the same. (Once read, a table cannot be rewritten until the
 * copy ends: its snapshot transaction holds it.)
 */
function reorderedWhileRead(db: Database, reordered: Set<string>): Database {
  if (db.kind !== "postgres") return db;
  return Object.assign(Object.create(db), {
    snapshot: <T>(fn: (read: SnapshotRead) => Promise<T>) =>
      db.snapshot((read) =>
        fn(async (text, args) => {
          const table = Object.keys(KEYLESS).find((t) => text.includes(`FROM "${t}"`));
          if (table && !reordered.has(table)) {
            reordered.add(table);
            await db.execute(`CLUSTER "${table}" USING "${KEYLESS[table]}"`);
          }
          return read(text, args);
        }),
      ),
  });
}

beforeAll(async () => {
  // The source is a SQLite file whatever the suite runs on: copies start from the default.
  source = await startTestServer({ config: { databaseUrl: `file:${join(dir, "source.db")}` } });
  a = await source.tenant();
  const contact = await created(a.api, "/contacts", {
    first_name: "Ada",
    last_name: "Lovelace",
    email: [{ email: "ada@example.com" }],
  });
  await created(a.api, "/notes", { contact_id: contact.id, text: "Analytical notes" });
  // A stored Idempotency-Key answer: its text and its record's version are copied.
  const keyed = { first_name: "Keyed" };
  expect((await a.api.post("/api/external/contacts", keyed, KEYED)).status).toBe(201);
  await salesPipeline(a.api);
  for (let n = 0; n < 3; n++)
    await created(a.api, "/deals", { title: `Copied deal ${n}`, value: 100 * n });
  await created(a.api, "/webhooks", { url: "https://example.com/hook", events: ["*"] });
  receiver = startReceiver();
  guarded = await created(a.api, "/webhooks", {
    url: receiver.url("/guarded"),
    events: ["deal.won"],
    headers: { Authorization: RECEIVER_TOKEN },
  });
});

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  await source.close();
  receiver.close();
  rmSync(dir, { recursive: true, force: true });
});

async function target(name: string) {
  const created = await testDatabase(join(dir, name), { empty: true });
  cleanups.push(created.drop);
  return created.url;
}

describe("crmd copy", () => {
  test("copies every table to an empty database (PostgreSQL in the PostgreSQL run), counts equal, source unchanged, and back", async () => {
    const before = await contents(source.ctx.db);
    const there = await openDatabase(await target("there"));
    cleanups.push(() => there.close());
    const seen: string[] = [];
    const { tables: copied } = await copyDatabase(source.ctx.db, there, (p) => {
      if (p.done === p.total) seen.push(p.entity);
    });
    expect(copied.filter((t) => t.source !== t.target)).toEqual([]);
    expect(copied.find((t) => t.table === "deals")?.target).toBe(3);
    const replays = before.idempotency_keys as Array<{ body: string; version: unknown }>;
    expect(replays).toHaveLength(1);
    expect(typeof replays[0].version).toBe("number");
    expect(seen).toContain("deals");
    expect(await contents(source.ctx.db)).toEqual(before);
    expect(await contents(there)).toEqual(before);

    const back = await openDatabase(`file:${join(dir, "back.db")}`);
    cleanups.push(() => back.close());
    const { tables: returned } = await copyDatabase(there, back);
    expect(returned.filter((t) => t.source !== t.target)).toEqual([]);
    expect(await contents(back)).toEqual(before);
  });

  test("copies tables without a primary key, larger than a page, every row exactly once both ways, and reports the search index rebuild", async () => {
    const rows = 1_200; // more than two of the copy's pages, and of the index's batches
    const origin = await openDatabase(`file:${join(dir, "keyless.db")}`);
    cleanups.push(() => origin.close());
    await migrate(origin);
    await origin.execute("INSERT INTO tenants (id, name, created_at) VALUES ('t-keyless', 'k', 0)");
    await seedTenant(origin, "t-keyless", { deals: rows, leads: 0, tasks: 0 });
    const numbered = `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ${rows - 1})`;
    // Every link both ways; record and contact ids run opposite to the order rows are written in.
    await origin.execute(`${numbered} INSERT INTO associations
      (link_id, tenant_id, from_object, from_id, to_object, to_id, label, created_at)
      SELECT 'l' || (i / 2), 't-keyless', 'deals', printf('d%05d', i / 2), 'contacts',
        printf('c%05d', ${rows} - i), CASE i % 3 WHEN 0 THEN 'champion' ELSE '' END, 1700000000000 + i FROM n`);
    await origin.execute(`${numbered} INSERT INTO customer_identities (tenant_id, external_id, contact_id, created_at)
      SELECT 't-keyless', 'ext-' || i, printf('c%05d', ${rows} - i), 1700000000000 + i FROM n`);
    // A third of the values are NULL, every fifth row repeats the one before it exactly,
    // and the last 600 differ in their value only (more than a page alike in every other column).
    await origin.execute(`${numbered}, k(i) AS (SELECT CASE i % 5 WHEN 4 THEN i - 1 ELSE i END FROM n)
      INSERT INTO custom_field_archive (tenant_id, object_type, record_id, field_key, value, archived_at)
      SELECT 't-keyless', 'deals', printf('r%05d', max(${rows} - i, 600)), 'f' || (i % 7 * (i < 600)),
        CASE i % 3 WHEN 0 THEN NULL ELSE json_object('v', i) END, 1700000000000 + i % 50 * (i < 600) FROM k`);
    const before = Object.fromEntries(
      await Promise.all(Object.keys(KEYLESS).map(async (t) => [t, await rowsOf(origin, t)])),
    );
    expect(new Set(before.custom_field_archive).size).toBeLessThan(rows);
    const alike = await origin.execute(
      "SELECT count(*) AS n FROM custom_field_archive GROUP BY record_id, field_key, archived_at ORDER BY 1 DESC LIMIT 1",
    );
    expect(Number(alike[0].n)).toBe(600);

    const rebuilt: Array<{ done: number; total: number }> = [];
    const indexProgress = (p: { entity: string; done: number; total: number }) => {
      if (p.entity === "search_index") rebuilt.push({ done: p.done, total: p.total });
    };
    const there = await openDatabase(await target("keyless-there"));
    cleanups.push(() => there.close());
    const batches = { indexBatch: INDEX_BATCH };
    const { tables: copied } = await copyDatabase(origin, there, indexProgress, batches);
    expect(copied.filter((t) => t.source !== t.target)).toEqual([]);
    for (const table of Object.keys(KEYLESS))
      expect(await rowsOf(there, table)).toEqual(before[table]);
    // The index is rebuilt batch by batch, each reported, the last at 100%.
    expect(rebuilt.at(-1)).toEqual({ done: rows, total: rows });
    expect(rebuilt.filter((p) => p.done > 0 && p.done < rows).length).toBeGreaterThan(1);

    const reordered = new Set<string>();
    const back = await openDatabase(`file:${join(dir, "keyless-back.db")}`);
    cleanups.push(() => back.close());
    rebuilt.length = 0;
    const { tables: returned } = await copyDatabase(
      reorderedWhileRead(there, reordered),
      back,
      indexProgress,
      batches,
    );
    expect(returned.filter((t) => t.source !== t.target)).toEqual([]);
    if (there.kind === "postgres") expect(reordered.size).toBe(Object.keys(KEYLESS).length);
    for (const table of Object.keys(KEYLESS))
      expect(await rowsOf(back, table)).toEqual(before[table]);
    expect(rebuilt.at(-1)).toEqual({ done: rows, total: rows });
    const found = await back.execute(
      "SELECT count(*) AS n FROM search_index WHERE tenant_id = 't-keyless'",
    );
    expect(Number(found[0].n)).toBe(rows);
  }, 60_000);

  test("the copy serves the same API: lists, search, open pipeline value, new writes", async () => {
    const url = await target("served");
    const db = await openDatabase(url);
    await copyDatabase(source.ctx.db, db);
    await db.close();
    const copy = await startTestServer({ config: { databaseUrl: url } });
    try {
      const api = await copy.keyFor(a.tenantId, ["*"]);
      const deals = await api.get("/api/external/deals");
      const original = await a.api.get("/api/external/deals");
      expect(deals.body.deals).toEqual(original.body.deals);
      const found = await api.get("/api/external/search?q=analytical");
      expect(found.body.total).toBe(1);
      const kpis = await api.get("/api/external/kpis");
      expect(kpis.body.pipeline.value).toBe(300);
      const created = await api.post("/api/external/deals", { title: "After the copy" });
      expect(created.status).toBe(201);
      const feed = await api.get("/api/external/deals?since=2000-01-01T00:00:00Z&page_size=500");
      expect(feed.body.deals.at(-1).id).toBe(created.body.id);
    } finally {
      await copy.close();
    }
  });

  test("webhook header values stay encrypted in the copy and open with the installation's key", async () => {
    const url = await target("headers");
    const db = await openDatabase(url);
    await copyDatabase(source.ctx.db, db);
    const [row] = await db.execute(`SELECT headers FROM webhooks WHERE id = '${guarded.id}'`);
    await db.close();
    expect(String(row.headers)).not.toContain("rcv_copy_5e6f7a8b");
    // Every instance on one database shares the secret key: the copy is served with the source's.
    const secretKey = readFileSync(join(source.dir, "secret.key"), "utf8").trim();
    const copy = await startTestServer({ config: { databaseUrl: url, secretKey } });
    try {
      const api = await copy.keyFor(a.tenantId, ["webhooks:manage"]);
      const shown = await api.get(`/api/external/webhooks/${guarded.id}`);
      expect(shown.body.headers).toEqual({ Authorization: "********" });
      const sent = await api.post(`/api/external/webhooks/test/${guarded.id}`);
      expect(sent.body).toMatchObject({ success: true, error: null });
      const requests = receiver.received.filter((r) => r.path === "/guarded");
      expect(requests.at(-1)?.headers.authorization).toBe(RECEIVER_TOKEN);
    } finally {
      await copy.close();
    }
  });

  test("events written after a copy of an installation whose event log was pruned follow every earlier event, both ways", async () => {
    const home = mkdtempSync(join(dir, "pruned-"));
    const url = `file:${join(home, "source.db")}`;
    const original = await startTestServer({ config: { databaseUrl: url } });
    const t = await original.tenant();
    await created(t.api, "/contacts", { first_name: "Before the move" });
    const seen = await t.api.get("/api/external/events");
    expect(seen.body.events).toHaveLength(1);
    // Retention has passed: every event fanned out and pruned, as the hourly job does.
    await original.ctx.db.execute(
      "UPDATE counters SET value = (SELECT max(seq) FROM outbox_events) WHERE name = 'webhook_fanout'",
    );
    expect(await pruneOutbox(original.ctx.db, new Date(Date.now() + 40 * 86_400_000), 30)).toBe(1);
    await original.close();

    const afterCopy = async (to: string, title: string) => {
      const server = await startTestServer({ config: { databaseUrl: to } });
      try {
        const api = await server.keyFor(t.tenantId, ["*"]);
        await created(api, "/contacts", { first_name: title });
        const next = await api.get(`/api/external/events?cursor=${seen.body.next_cursor}`);
        expect(
          next.body.events.map((e: { data: { first_name: string } }) => e.data.first_name),
        ).toEqual([title]);
      } finally {
        await server.close();
      }
    };
    const there = await target("pruned-there");
    const from = await openDatabase(url);
    const to = await openDatabase(there);
    await copyDatabase(from, to);
    await Promise.all([from.close(), to.close()]);
    await afterCopy(there, "Moved there");

    const back = `file:${join(home, "back.db")}`;
    const [again, returned] = [await openDatabase(there), await openDatabase(back)];
    // The target's outbox is pruned again before it comes back.
    await again.execute(
      "UPDATE counters SET value = (SELECT max(seq) FROM outbox_events) WHERE name = 'webhook_fanout'",
    );
    await again.execute("DELETE FROM outbox_events");
    await copyDatabase(again, returned);
    await Promise.all([again.close(), returned.close()]);
    await afterCopy(back, "Moved back");
  });

  test("refuses a target that holds records, and says which table", async () => {
    const url = await target("busy");
    const db = await openDatabase(url);
    cleanups.push(() => db.close());
    await copyDatabase(source.ctx.db, db);
    await expect(copyDatabase(source.ctx.db, db)).rejects.toThrow(
      /not empty \(table \w+ has rows\)/,
    );
  });

  test("refuses the database of an older installation without migrating it", async () => {
    const db = await openDatabase(await target("older"));
    cleanups.push(() => db.close());
    await migrate(db, migrationsOf(db).slice(0, 2));
    await db.execute("INSERT INTO tenants (id, name, created_at) VALUES ('t-older', 'older', 0)");
    await expect(copyDatabase(source.ctx.db, db)).rejects.toThrow(
      /not empty \(table tenants has rows\)/,
    );
    expect(await db.execute("SELECT id FROM _migrations")).toHaveLength(2);
  });

  test("the CLI prints progress and the verified counts", async () => {
    const {
      code,
      stdout: out,
      stderr: err,
    } = await runCrmd(
      ["copy", "--from", `file:${join(dir, "source.db")}`, "--to", `file:${join(dir, "cli.db")}`],
      { CRMD_LOG_LEVEL: "warn" },
    );
    expect(code).toBe(0);
    // stderr is a pipe: a JSON line per table and for the search index, the last at its total.
    const progress = err
      .split("\n")
      .filter((line) => line.startsWith("{"))
      .map((line) => JSON.parse(line));
    expect(progress).toContainEqual(
      expect.objectContaining({ msg: "progress", entity: "deals", done: 3, total: 3 }),
    );
    const index = progress.filter((line) => line.entity === "search_index");
    expect(index.at(-1).done).toBe(index.at(-1).total);
    const result = JSON.parse(out);
    expect(result.verified).toBe(true);
    expect(result.tables.find((t: { table: string }) => t.table === "deals").target).toBe(3);
    // The source was quiet: where it stood is said, and no warning.
    const [sync] = await source.ctx.db.execute("SELECT value FROM counters WHERE name = 'sync'");
    expect(result.source.snapshot.sync).toBe(Number(sync.value));
    expect(result.source).toMatchObject({ moved_on: false, at_end: result.source.snapshot });
    expect(result.source.warning).toBeUndefined();
    expect(err).toContain(`reading the source as of one snapshot: sync ${sync.value},`);
    expect(err).not.toContain("WARNING");
  });

  test("the CLI warns, loudly, when the source was written while it copied (exit 0: the copy is the source as of its snapshot)", async () => {
    const home = mkdtempSync(join(dir, "cli-live-"));
    const server = await startTestServer({
      config: { databaseUrl: `file:${join(home, "live.db")}` },
    });
    const hrana = startHranaServer(join(home, "live.db"));
    try {
      const t = await server.tenant();
      await salesPipeline(t.api);
      const deal = await created(t.api, "/deals", { title: "Before the copy" });
      let wrote = false;
      // A server still running on the source: it writes once the copy reads deals.
      hrana.observe(async (text) => {
        if (wrote || !text.includes('FROM "deals"')) return;
        wrote = true;
        const reply = await t.api.patch(`/api/external/deals/${deal.id}`, { title: "During" });
        expect(reply.status).toBe(200);
      });
      const moved = `file:${join(home, "moved.db")}`;
      const run = await runCrmd(["copy", "--from", hrana.url, "--to", moved], {
        CRMD_LOG_LEVEL: "warn",
      });
      expect(wrote).toBe(true);
      expect(run.code).toBe(0);
      const result = JSON.parse(run.stdout);
      expect(result.verified).toBe(true);
      expect(result.source.moved_on).toBe(true);
      expect(result.source.at_end.sync).toBeGreaterThan(result.source.snapshot.sync);
      expect(result.source.warning).toContain("NOT in the copy");
      expect(run.stderr).toContain("crmd copy: WARNING: the source database was written");
      const copy = await openDatabase(moved);
      const [row] = await copy.execute(`SELECT title FROM deals WHERE id = '${deal.id}'`);
      await copy.close();
      expect(row.title).toBe("Before the copy");
    } finally {
      hrana.stop();
      await server.close();
    }
  });

  test("the CLI copies to and from token-protected remote libSQL servers", async () => {
    const copy = async (args: string[], env: Record<string, string> = {}) => {
      const run = await runCrmd(["copy", ...args], { CRMD_LOG_LEVEL: "warn", ...env });
      return {
        code: run.code,
        err: run.stderr,
        result: run.code === 0 ? JSON.parse(run.stdout) : undefined,
      };
    };
    const first = startHranaServer(join(dir, "remote-first.db"), { authToken: "token-first" });
    const second = startHranaServer(join(dir, "remote-second.db"), { authToken: "token-second" });
    cleanups.push(async () => {
      first.stop();
      second.stop();
    });
    const local = `file:${join(dir, "source.db")}`;
    const refused = await copy(["--from", local, "--to", first.url]);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain("401");
    // CRMD_DATABASE_AUTH_TOKEN, as `serve` takes it, authenticates the remote side.
    const up = await copy(["--from", local, "--to", first.url], {
      CRMD_DATABASE_AUTH_TOKEN: "token-first",
    });
    expect(up.err).not.toContain("crmd:");
    expect(up.code).toBe(0);
    expect(up.result.verified).toBe(true);
    expect(up.result.tables.find((t: { table: string }) => t.table === "deals").target).toBe(3);
    // Between two servers, each side has its own token.
    const across = await copy([
      "--from",
      first.url,
      "--from-auth-token",
      "token-first",
      "--to",
      second.url,
      "--to-auth-token",
      "token-second",
    ]);
    expect(across.err).not.toContain("crmd:");
    expect(across.code).toBe(0);
    expect(across.result.verified).toBe(true);
    expect(across.result.tables).toEqual(up.result.tables);
  }, 30_000);

  test("the CLI refuses a source file that does not exist, or a URL it cannot open, with exit 2 and creates nothing", async () => {
    const copy = async (from: string, to: string) => {
      const run = await runCrmd(["copy", "--from", from, "--to", to], { CRMD_LOG_LEVEL: "warn" });
      return { code: run.code, err: run.stderr };
    };
    const missing = join(dir, "no-such-dir", "typo.db");
    const typo = await copy(`file:${missing}`, `file:${join(dir, "unused.db")}`);
    expect(typo.code).toBe(2);
    expect(typo.err).toContain(missing);
    expect(existsSync(join(dir, "no-such-dir"))).toBe(false);
    const scheme = await copy(`file:${join(dir, "source.db")}`, "mysql://db.example.com/crm");
    expect(scheme.code).toBe(2);
    expect(scheme.err).toContain("--to must be file:PATH");
  });
});

/** Where the counters and the outbox of `contents` stood: the source position a copy reports. */
function positionIn(rows: Record<string, unknown[]>) {
  const counter = (name: string) =>
    Number(
      (rows.counters as Array<{ name: string; value: unknown }>).find((c) => c.name === name)
        ?.value ?? 0,
    );
  const seqs = (rows.outbox_events as Array<{ seq: unknown }>).map((e) => Number(e.seq));
  return {
    sync: counter("sync"),
    pipelines: counter("pipelines"),
    outbox_seq: Math.max(0, ...seqs),
    webhook_fanout: counter("webhook_fanout"),
  };
}

describe("crmd copy reads its source in one snapshot", () => {
  const directions = [
    { source: "SQLite", target: "the suite's database (PostgreSQL in its run)" },
    { source: "the suite's database (PostgreSQL in its run)", target: "SQLite" },
    { source: "remote libSQL", target: "the suite's database (PostgreSQL in its run)" },
  ] as const;
  for (const direction of directions)
    test(`from ${direction.source} to ${direction.target}: written while it copies, the copy is the source as of its start and says the source moved on; copied quiet, it says nothing`, async () => {
      const home = mkdtempSync(join(dir, "live-"));
      const onFile = direction.source !== "the suite's database (PostgreSQL in its run)";
      const server = await startTestServer({
        config: onFile ? { databaseUrl: `file:${join(home, "live.db")}` } : {},
      });
      const hrana =
        direction.source === "remote libSQL" ? startHranaServer(join(home, "live.db")) : null;
      const from = await openDatabase(hrana?.url ?? server.ctx.db.url);
      const targetUrl = async (name: string) =>
        direction.target === "SQLite"
          ? `file:${join(home, `${name}.db`)}`
          : await target(`${basename(home)}-${name}`);
      const to = await openDatabase(await targetUrl("during"));
      const quiet = await openDatabase(await targetUrl("quiet"));
      try {
        const t = await server.tenant();
        await seedTenant(server.ctx.db, t.tenantId, { deals: 1_200, leads: 0, tasks: 0 });
        const contact = await created(t.api, "/contacts", { first_name: "Grace" });
        await created(t.api, "/deals", { title: "Before the copy", value: 10 });
        const before = await contents(from);

        const written: string[] = [];
        const result = await copyDatabase(from, to, async (p) => {
          if (p.entity !== "deals" || p.done === 0 || p.done === p.total || written.length) return;
          // Between two pages of deals: deals already copied and deals not yet read change,
          // one goes, rows are added, the counters and the outbox move on.
          const copiedIds = (await to.execute("SELECT id FROM deals")).map((r) => String(r.id));
          const pending = (await from.execute("SELECT id FROM deals"))
            .map((r) => String(r.id))
            .filter((id) => !copiedIds.includes(id));
          const [gone, changed] = pending;
          for (const id of [copiedIds[0], changed]) {
            const reply = await t.api.patch(`/api/external/deals/${id}`, {
              title: "Changed after the snapshot",
              value: 999,
            });
            expect(reply.status).toBe(200);
          }
          expect((await t.api.delete(`/api/external/deals/${gone}`)).status).toBe(200);
          const patched = await t.api.patch(`/api/external/contacts/${contact.id}`, {
            first_name: "Changed",
          });
          expect(patched.status).toBe(200);
          const added = await created(t.api, "/contacts", { first_name: "After the snapshot" });
          await created(t.api, "/deals", { title: "After the snapshot", contact_id: added.id });
          written.push(copiedIds[0], changed, gone);
        });
        expect(written).toHaveLength(3);
        const after = await contents(from);
        expect(after.deals).not.toEqual(before.deals);

        // Every row of every table as it was when the copy started: none of the later
        // writes, the counters where those rows left them.
        expect(await contents(to)).toEqual(before);
        expect(result.tables.filter((t) => t.source !== t.target)).toEqual([]);
        expect(result.tables.find((t) => t.table === "deals")?.source).toBe(before.deals.length);
        expect(result.snapshot).toEqual(positionIn(before));
        expect(result.sourceAtEnd).toEqual(positionIn(after));
        expect(result.sourceAtEnd.sync).toBeGreaterThan(result.snapshot.sync);
        expect(result.sourceAtEnd.outbox_seq).toBeGreaterThan(result.snapshot.outbox_seq);
        expect(result.sourceMovedOn).toBe(true);

        const still = await copyDatabase(from, quiet);
        expect(still.sourceMovedOn).toBe(false);
        expect(still.snapshot).toEqual(positionIn(after));
        expect(still.sourceAtEnd).toEqual(still.snapshot);
        expect(await contents(quiet)).toEqual(after);
      } finally {
        await Promise.all([from.close(), to.close(), quiet.close()]);
        hrana?.stop();
        await server.close();
      }
    }, 60_000);

  test("a fan-out that catches up while the copy runs (no new record or event) also counts as the source moving on", async () => {
    const origin = await openDatabase(`file:${join(dir, "fanning.db")}`);
    const there = await openDatabase(await target("fanning-there"));
    try {
      await migrate(origin);
      await origin.execute("INSERT INTO tenants (id, name, created_at) VALUES ('t-fan', 'f', 0)");
      await seedTenant(origin, "t-fan", { deals: 3, leads: 0, tasks: 0 });
      let moved = false;
      const result = await copyDatabase(origin, there, async (p) => {
        if (p.entity !== "deals" || moved) return;
        moved = true;
        // As the dispatcher does once it has made the deliveries of earlier events.
        await origin.execute("UPDATE counters SET value = value + 1 WHERE name = 'webhook_fanout'");
      });
      expect(moved).toBe(true);
      expect(result.sourceAtEnd).toEqual({
        ...result.snapshot,
        webhook_fanout: result.snapshot.webhook_fanout + 1,
      });
      expect(result.sourceMovedOn).toBe(true);
      const [cursor] = await there.execute(
        "SELECT value FROM counters WHERE name = 'webhook_fanout'",
      );
      expect(Number(cursor?.value ?? 0)).toBe(result.snapshot.webhook_fanout);
    } finally {
      await Promise.all([origin.close(), there.close()]);
    }
  });
});
