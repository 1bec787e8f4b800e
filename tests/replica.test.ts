/**
 * A streaming replica behind CRMD_DATABASE_REPLICA_URL: it serves reads,
 * sees the primary's writes, a client reads its own writes at once, and a
 * replica that cannot be reached sends reads to the primary (readiness
 * stays up, one warning logged). Runs in the PostgreSQL run, which provides
 * the replica (.ci/postgres.sh).
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Socket, SQL } from "bun";
import { REPLICA_MAX_LAG_MS } from "../db/pg/replica";
import { createLogger } from "../src/logger";
import { created } from "./helpers/api";
import { testDatabase, testPostgresUrl } from "./helpers/database";
import { outboxOf } from "./helpers/records";
import { Api, startTestServer, type TenantClient, type TestServer } from "./helpers/server";
import { SseClient } from "./helpers/sse";
import { salesPipeline } from "./sales-fixtures";

const replicaUrl = process.env.CRMD_TEST_POSTGRES_REPLICA_URL || undefined;

/** The same database on the replica server. */
const onReplica = (primaryUrl: string) => {
  const url = new URL(replicaUrl as string);
  url.pathname = new URL(primaryUrl).pathname;
  return url.toString();
};

/** A sample's value in a scrape's text: `name{labels}` as written there (NaN if absent). */
const sampled = (text: string, series: string): number => {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : Number.NaN;
};

/** A connection to a new test database on the replica, once the database has reached it with the WAL. */
async function replicaOf(databaseUrl: string): Promise<SQL> {
  const replica = new SQL(onReplica(databaseUrl), { max: 1 });
  for (let tries = 0; ; tries++) {
    try {
      await replica.unsafe("SELECT 1 FROM deals LIMIT 1");
      return replica;
    } catch (error) {
      if (tries > 200) throw error;
      await Bun.sleep(25);
    }
  }
}

/**
 * Two instances on a new database with the replica, and the replica itself;
 * `done` resumes its replay and removes everything.
 */
async function twoInstances(name: string) {
  const dir = mkdtempSync(join(tmpdir(), `crmd-replica-${name}-`));
  const database = await testDatabase(dir);
  const replica = await replicaOf(database.url);
  const config = {
    databaseUrl: database.url,
    databaseReplicaUrl: onReplica(database.url),
    rateLimit: 1_000_000,
  };
  const first = await startTestServer({ config });
  const second = await startTestServer({ config });
  const done = async () => {
    await replica.unsafe("SELECT pg_wal_replay_resume()");
    await replica.close();
    await first.close();
    await second.close();
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  };
  return { replica, first, second, done };
}

describe.skipIf(!testPostgresUrl || !replicaUrl)("read replica", () => {
  // Made when the tests run: a skipped describe runs no afterAll to remove it.
  let dir = "";
  let database: { url: string; drop(): Promise<void> };
  let server: TestServer;
  let a: TenantClient;
  let replica: SQL;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "crmd-replica-"));
    database = await testDatabase(dir);
    replica = await replicaOf(database.url);
    server = await startTestServer({
      config: {
        databaseUrl: database.url,
        databaseReplicaUrl: onReplica(database.url),
        rateLimit: 1_000_000,
      },
    });
    a = await server.tenant();
    await salesPipeline(a.api);
  });

  afterAll(async () => {
    await replica?.close();
    await server?.close();
    await database?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  test("a client reads its own write at once, every time", async () => {
    for (let n = 0; n < 30; n++) {
      const deal = await created(a.api, "/deals", { title: `Mine ${n}` });
      expect((await a.api.get(`/api/external/deals/${deal.id}`)).status).toBe(200);
      const list = await a.api.get("/api/external/deals?page_size=500");
      expect(list.body.total).toBe(n + 1);
    }
  });

  test("a scrape says the replica answers: crmd_database_replica_up 1", async () => {
    const { text } = await server.ctx.metrics.scrape();
    expect(text).toMatch(/^crmd_database_replica_up 1$/m);
  });

  test("the replica sees the primary's writes, and serves crmd's reads", async () => {
    const deal = await created(a.api, "/deals", { title: "Replicated" });
    const started = performance.now();
    for (;;) {
      const rows = await replica.unsafe("SELECT id FROM deals WHERE id = $1", [deal.id]);
      if (rows.length === 1) break;
      if (performance.now() - started > 10_000) throw new Error("the replica never saw the write");
      await Bun.sleep(5);
    }
    process.stderr.write(
      `replica saw the write after ${(performance.now() - started).toFixed(1)} ms\n`,
    );
    // Once caught up, lists read on the replica: its statistics count scans of
    // deals (crmd's freshness checks there read no table). A server publishes
    // a backend's counts at most once a second, so keep reading until they show.
    const scans = async () => {
      const [{ n }] = await replica.unsafe(
        "SELECT coalesce(seq_scan, 0) + coalesce(idx_scan, 0) AS n FROM pg_stat_user_tables WHERE relname = 'deals'",
      );
      return Number(n);
    };
    // This test's own reads of deals on the replica are counted first.
    await replica.unsafe("SELECT pg_stat_force_next_flush()");
    const before = await scans();
    for (let reads = 0; (await scans()) === before; reads++) {
      if (reads > 200) throw new Error("no list was read on the replica");
      expect((await a.api.get("/api/external/deals")).status).toBe(200);
      await Bun.sleep(50);
    }
  }, 30_000);

  test("a scrape says where reads went (the replica, else the primary and why), that none fell back, and the pools' work; each family is documented", async () => {
    const reads = (text: string, servedBy: string) =>
      sampled(text, `crmd_database_replica_reads_total{served_by="${servedBy}"}`);
    const before = (await server.ctx.metrics.scrape()).text;
    // The tests before read on the replica, and on the primary just after their own writes.
    expect(reads(before, "replica")).toBeGreaterThan(0);
    expect(reads(before, "primary_lag")).toBeGreaterThan(0);
    expect(reads(before, "primary_down")).toBe(0);
    const strong = await a.api.get("/api/external/deals", { "x-consistency": "strong" });
    expect(strong.status).toBe(200);
    const { text } = await server.ctx.metrics.scrape();
    expect(reads(text, "primary_strong")).toBeGreaterThan(reads(before, "primary_strong"));
    expect(sampled(text, "crmd_database_replica_fallback")).toBe(0);
    expect(sampled(text, "crmd_database_replica_fallbacks_total")).toBe(0);
    for (const database of ["primary", "replica"]) {
      expect(sampled(text, `crmd_database_connections_max{database="${database}"}`)).toBe(16);
      expect(
        sampled(text, `crmd_database_connections_in_use{database="${database}"}`),
      ).toBeGreaterThanOrEqual(0);
    }
    const docs = await Bun.file(join(import.meta.dir, "../docs/operations.md")).text();
    for (const [, name] of text.matchAll(/^# HELP (\S+) /gm))
      expect(`${name}: ${docs.includes(`\`${name}\``)}`).toBe(`${name}: true`);
  });

  /** A second instance on the same database and replica. */
  const anotherInstance = () =>
    startTestServer({
      config: {
        databaseUrl: database.url,
        databaseReplicaUrl: onReplica(database.url),
        rateLimit: 1_000_000,
      },
    });

  test("with the replica stalled, another instance reads a write within the bound, and at once with X-Consistency: strong", async () => {
    const other = await anotherInstance();
    const viaOther = new Api(other.url, { "x-api-key": a.key });
    try {
      // The other instance has been reading from a replica that keeps up.
      for (let n = 0; n < 5; n++)
        expect((await viaOther.get("/api/external/deals")).status).toBe(200);
      await replica.unsafe("SELECT pg_wal_replay_pause()");
      const deal = await created(a.api, "/deals", { title: "Written while the replica stalls" });
      const acknowledgedAt = performance.now();
      // The replica does not have it: a read it served would miss the deal.
      expect(await replica.unsafe("SELECT id FROM deals WHERE id = $1", [deal.id])).toHaveLength(0);
      const strong = await viaOther.get(`/api/external/deals/${deal.id}`, {
        "x-consistency": "strong",
      });
      expect(strong.status).toBe(200);
      await Bun.sleep(Math.max(0, REPLICA_MAX_LAG_MS - (performance.now() - acknowledgedAt)));
      const list = await viaOther.get("/api/external/deals?page_size=500");
      expect(list.body.deals.map((d: { id: string }) => d.id)).toContain(deal.id);
      expect((await viaOther.get(`/api/external/deals/${deal.id}`)).status).toBe(200);
    } finally {
      await replica.unsafe("SELECT pg_wal_replay_resume()");
      await other.close();
    }
  }, 30_000);
  test("with the replica stalled, the overdue job sees a task another instance just wrote", async () => {
    const other = await anotherInstance();
    try {
      await replica.unsafe("SELECT pg_wal_replay_pause()");
      const viaOther = new Api(other.url, { "x-api-key": a.key });
      const task = await created(viaOther, "/tasks", {
        title: "Call back",
        due_at: new Date(Date.now() - 60_000).toISOString(),
      });
      expect(await replica.unsafe("SELECT id FROM tasks WHERE id = $1", [task.id])).toHaveLength(0);
      const overdue = async () =>
        (await outboxOf(server.ctx.db, { entityId: task.id })).filter(
          (e) => e.event_type === "task.overdue",
        );
      expect(await overdue()).toHaveLength(0);
      expect((await server.ctx.scheduler.runNow("task_overdue")).outcome).toBe("ok");
      expect(await overdue()).toHaveLength(1);
    } finally {
      await replica.unsafe("SELECT pg_wal_replay_resume()");
      await other.close();
    }
  }, 30_000);
});

describe.skipIf(!testPostgresUrl || !replicaUrl)("credentials with a stalled replica", () => {
  test("an inbound secret rotated on one instance works on another at once, and the old one is refused", async () => {
    const { replica, first, second, done } = await twoInstances("secret");
    const relay = (secret: string) =>
      fetch(`${second.url}/api/external/email/inbound`, {
        method: "POST",
        headers: { "content-type": "message/rfc822", "x-inbound-secret": secret },
        body: `From: Ann <ann@example.test>\r\nTo: sales@example.test\r\nSubject: Hi\r\nMessage-ID: <${crypto.randomUUID()}@example.test>\r\n\r\nHello`,
      }).then((r) => r.status);
    try {
      const { api, key } = await first.tenant();
      const old = (await api.post("/api/external/email/inbound-secret")).body.secret;
      // The second instance reads from a replica that has caught up with the first secret.
      for (let tries = 0; (await relay(old)) !== 201; tries++) {
        if (tries > 200) throw new Error("the replica never caught up");
        await Bun.sleep(25);
      }
      // That relay was the second instance's write: it reads from the replica again once
      // the replica has replayed it, and while reads keep confirming the replica's lag.
      await Bun.sleep(REPLICA_MAX_LAG_MS);
      const viaSecond = new Api(second.url, { "x-api-key": key });
      for (let n = 0; n < 8; n++) {
        expect((await viaSecond.get("/api/external/deals")).status).toBe(200);
        await Bun.sleep(50);
      }
      await replica.unsafe("SELECT pg_wal_replay_pause()");
      const rotated = (await api.post("/api/external/email/inbound-secret")).body.secret;
      expect(await relay(rotated)).toBe(201);
      expect(await relay(old)).toBe(401);
    } finally {
      await done();
    }
  }, 30_000);
});

describe.skipIf(!testPostgresUrl || !replicaUrl)("event stream with a stalled replica", () => {
  test("a stream resumed with Last-Event-ID gets every event the instance already follows, even one the replica lacks", async () => {
    const { replica, first: streaming, second: writing, done } = await twoInstances("stream");
    const streams: SseClient[] = [];
    try {
      const { api, key } = await streaming.tenant();
      const seen = await created(api, "/contacts", { first_name: "Seen" });
      for (let tries = 0; ; tries++) {
        const rows = await replica.unsafe("SELECT id FROM contacts WHERE id = $1", [seen.id]);
        if (rows.length === 1) break;
        if (tries > 400) throw new Error("the replica never caught up");
        await Bun.sleep(25);
      }
      const cursor = (await api.get("/api/external/events")).body.next_cursor;
      // The streaming instance reads from the replica, which it has just seen caught up.
      for (let n = 0; n < 8; n++) {
        expect((await api.get("/api/external/contacts")).status).toBe(200);
        await Bun.sleep(40);
      }
      await replica.unsafe("SELECT pg_wal_replay_pause()");
      await created(new Api(writing.url, { "x-api-key": key }), "/contacts", {
        first_name: "Written elsewhere",
      });
      // A stream that reads from the primary starts the instance's outbox tail past that event.
      const strong = new SseClient(`${streaming.url}/api/external/events/stream`, {
        "x-api-key": key,
        "x-consistency": "strong",
      });
      streams.push(strong);
      await strong.connect();
      const resumed = new SseClient(`${streaming.url}/api/external/events/stream`, {
        "x-api-key": key,
      });
      streams.push(resumed);
      await resumed.connect(cursor);
      await replica.unsafe("SELECT pg_wal_replay_resume()");
      await resumed.until(() => resumed.events.length === 1, 3000);
      expect(JSON.parse(resumed.events[0].data).data.first_name).toBe("Written elsewhere");
    } finally {
      for (const stream of streams) stream.close();
      await done();
    }
  }, 30_000);
});

/**
 * A TCP relay to the replica that can fall silent, as a network cut or a
 * replica host that lost power does: connections stay open, nothing
 * answers. Healing ends the connections opened before (their peer is gone).
 */
function silenceableRelay(target: URL) {
  type Side = { peer?: Socket<unknown>; queued: Uint8Array[] };
  const sockets = new Set<Socket<Side>>();
  let silent = false;
  const listener = Bun.listen<Side>({
    hostname: "127.0.0.1",
    port: 0,
    socket: {
      async open(client) {
        client.data = { queued: [] };
        sockets.add(client);
        if (silent) return;
        client.data.peer = await Bun.connect({
          hostname: target.hostname,
          port: Number(target.port),
          socket: {
            data: (_, chunk) => {
              if (!silent) client.write(chunk);
            },
            close: () => {
              client.end();
            },
          },
        });
        for (const chunk of client.data.queued) client.data.peer.write(chunk);
      },
      data(client, chunk) {
        if (silent) return;
        if (client.data.peer) client.data.peer.write(chunk);
        else client.data.queued.push(new Uint8Array(chunk));
      },
      close(client) {
        client.data.peer?.end();
        sockets.delete(client);
      },
    },
  });
  const url = new URL(target.toString());
  url.port = String(listener.port);
  return {
    url: url.toString(),
    silence: () => {
      silent = true;
    },
    heal: () => {
      silent = false;
      for (const socket of [...sockets]) socket.end();
    },
    stop: () => listener.stop(true),
  };
}

describe.skipIf(!testPostgresUrl || !replicaUrl)("replica fallen silent", () => {
  test("reads go to the primary, a warning is logged, and they come back once it answers, which is logged too", async () => {
    const lines: string[] = [];
    const logger = createLogger("info", {}, (line) => lines.push(line));
    const dir = mkdtempSync(join(tmpdir(), "crmd-replica-silent-"));
    const database = await testDatabase(dir);
    const replica = await replicaOf(database.url);
    const relay = silenceableRelay(new URL(onReplica(database.url)));
    const server = await startTestServer({
      logger,
      config: { databaseUrl: database.url, databaseReplicaUrl: relay.url, rateLimit: 1_000_000 },
    });
    const inFlight: Promise<number>[] = [];
    try {
      const a = await server.tenant();
      await salesPipeline(a.api);
      await created(a.api, "/deals", { title: "Readable" });
      const scans = async () => {
        await replica.unsafe("SELECT pg_stat_force_next_flush()");
        const [{ n }] = await replica.unsafe(
          "SELECT coalesce(seq_scan, 0) + coalesce(idx_scan, 0) AS n FROM pg_stat_user_tables WHERE relname = 'deals'",
        );
        return Number(n);
      };
      const readsOnReplica = async () => {
        const before = await scans();
        for (let reads = 0; reads < 200; reads++) {
          expect((await a.api.get("/api/external/deals")).status).toBe(200);
          await Bun.sleep(50);
          if ((await scans()) > before + 1) return true;
        }
        return false;
      };
      expect(await readsOnReplica()).toBe(true);

      relay.silence();
      const warned = () => lines.some((l) => l.includes("read replica unreachable"));
      const silencedAt = performance.now();
      while (!warned() && performance.now() - silencedAt < 10_000) {
        // Not awaited one by one: the first reads are sent to the silent replica.
        inFlight.push(
          a.api.get("/api/external/deals").then(
            (reply) => reply.status,
            () => 0,
          ),
        );
        await Bun.sleep(100);
      }
      expect(warned()).toBe(true);
      // An operator sees it: reads fell back, once.
      const fallen = (await server.ctx.metrics.scrape()).text;
      expect(sampled(fallen, "crmd_database_replica_fallback")).toBe(1);
      expect(sampled(fallen, "crmd_database_replica_fallbacks_total")).toBe(1);
      expect(
        sampled(fallen, 'crmd_database_replica_reads_total{served_by="primary_down"}'),
      ).toBeGreaterThan(0);
      // Those reads are answered from the primary, not left waiting until the connection is cut.
      expect(new Set(await Promise.all(inFlight))).toEqual(new Set([200]));
      const list = await a.api.get("/api/external/deals");
      expect(list.status).toBe(200);
      expect(list.body.total).toBe(1);
      expect((await server.anonymous.get("/readyz")).status).toBe(200);
      // Once while it is down, not at every read.
      expect(lines.filter((l) => l.includes("read replica unreachable"))).toHaveLength(1);

      expect(lines.some((l) => l.includes("read replica answering again"))).toBe(false);
      relay.heal();
      // Queries the silent relay held reach the replica as it heals and count among its
      // scans; crmd tries the replica again only a while after it fell silent: read until
      // crmd says it reads from the replica again, then check that it does.
      const answeringAgain = () => lines.some((l) => l.includes("read replica answering again"));
      for (let reads = 0; reads < 200 && !answeringAgain(); reads++) {
        expect((await a.api.get("/api/external/deals")).status).toBe(200);
        await Bun.sleep(50);
      }
      expect(await readsOnReplica()).toBe(true);
      const back = lines.filter((l) => l.includes("read replica answering again"));
      expect(back).toHaveLength(1);
      expect(JSON.parse(back[0]).level).toBe("info");
      expect(JSON.parse(back[0]).down_ms).toBeGreaterThan(0);
      const answering = (await server.ctx.metrics.scrape()).text;
      expect(sampled(answering, "crmd_database_replica_fallback")).toBe(0);
      expect(sampled(answering, "crmd_database_replica_fallbacks_total")).toBe(1);
    } finally {
      relay.heal();
      await Promise.all(inFlight);
      await server.close();
      relay.stop();
      await replica.close();
      await database.drop();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe.skipIf(!testPostgresUrl)("replica down", () => {
  test("reads fall back to the primary; readiness stays up; one warning", async () => {
    const lines: string[] = [];
    const logger = createLogger("info", {}, (line) => lines.push(line));
    const dir = mkdtempSync(join(tmpdir(), "crmd-replica-down-"));
    const { url, drop } = await testDatabase(dir);
    // A port nothing listens on: the replica is down.
    const dead = Bun.listen({ hostname: "127.0.0.1", port: 0, socket: { data() {} } });
    const deadPort = dead.port;
    dead.stop(true);
    const down = new URL(url);
    down.port = String(deadPort);
    down.password = "not-logged";
    const server = await startTestServer({
      logger,
      config: { databaseUrl: url, databaseReplicaUrl: down.toString() },
    });
    try {
      const a = await server.tenant();
      await salesPipeline(a.api);
      await created(a.api, "/deals", { title: "Still readable" });
      for (let n = 0; n < 3; n++) {
        const list = await a.api.get("/api/external/deals");
        expect(list.status).toBe(200);
        expect(list.body.total).toBe(1);
      }
      expect((await server.anonymous.get("/readyz")).status).toBe(200);
      // An operator's alert sees it too; the primary is up.
      const { text } = await server.ctx.metrics.scrape();
      expect(text).toMatch(/^crmd_database_replica_up 0$/m);
      expect(text).toMatch(/^crmd_database_up 1$/m);
      expect(sampled(text, "crmd_database_replica_fallback")).toBe(1);
      expect(sampled(text, "crmd_database_replica_fallbacks_total")).toBe(1);
      expect(
        sampled(text, 'crmd_database_replica_reads_total{served_by="primary_down"}'),
      ).toBeGreaterThanOrEqual(3);
      expect(sampled(text, 'crmd_database_replica_reads_total{served_by="replica"}')).toBe(0);
      const warnings = lines.filter((l) => l.includes("read replica unreachable"));
      expect(warnings).toHaveLength(1);
      // The start line names the replica as it names the primary, credentials hidden.
      const listening = JSON.parse(lines.find((l) => l.includes('"msg":"listening"')) ?? "{}");
      expect(listening.replica).toBe(`postgres://***@127.0.0.1:${deadPort}${down.pathname}`);
      expect(lines.join("\n")).not.toContain("not-logged");
    } finally {
      await server.close();
      await drop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
