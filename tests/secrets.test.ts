import { describe, expect, test } from "bun:test";
import { createHmac } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { is } from "drizzle-orm";
import { getTableConfig, SQLiteTable } from "drizzle-orm/sqlite-core";
import * as schema from "../db/schema";
import { createLogger } from "../src/logger";
import { Api } from "./helpers/server";
import { useTestServer } from "./helpers/suite";
import { startReceiver } from "./webhook-receiver";

/**
 * Every secret crmd hands out (API keys, webhook signing secrets, widget
 * keys and identity secrets, inbound email secrets, visitor tokens) and the
 * admin token: shown once, then never in an answer, a log line (at debug
 * level) or the database files in clear.
 */
const logs: string[] = [];
const server = useTestServer({ logger: createLogger("debug", {}, (line) => logs.push(line)) });
const X = "/api/external";
const SITE = "https://shop.example.com";

describe("secrets", () => {
  test("are shown once and never again: not in answers, logs or the database files", async () => {
    const receiver = startReceiver((_, i) => new Response("no", { status: i === 0 ? 500 : 200 }));
    const { api, key, tenantId } = await server.tenant(undefined, ["*"]);
    const secrets: string[] = [server.adminToken, key];

    const made = await api.post(`${X}/api-keys`, { name: "second", permissions: ["deals:read"] });
    secrets.push(made.body.key);
    const second = new Api(server.url, { authorization: `Bearer ${made.body.key}` });
    expect((await second.get(`${X}/deals`)).status).toBe(200);
    expect((await api.delete(`${X}/api-keys/${made.body.id}`)).status).toBe(200);
    expect((await second.get(`${X}/deals`)).status).toBe(401);

    const webhook = await api.post(`${X}/webhooks`, { url: receiver.url(), events: ["*"] });
    secrets.push(webhook.body.secret);
    const rotated = await api.post(`${X}/webhooks/${webhook.body.id}/rotate-secret`);
    secrets.push(rotated.body.secret);
    await api.post(`${X}/webhooks/test/${webhook.body.id}`);
    await api.post(`${X}/webhooks/test/${webhook.body.id}`);

    const widget = await api.post(`${X}/widget-keys`, { name: "Shop", allowed_origins: [SITE] });
    secrets.push(widget.body.key, widget.body.identity_secret);
    const identity = await api.post(`${X}/widget-keys/${widget.body.id}/rotate-identity-secret`);
    secrets.push(identity.body.identity_secret);
    const page = new Api(server.url, { origin: SITE, "x-widget-key": widget.body.key });
    const visitor = await page.post("/api/widget/customers", {
      email: "ada@example.com",
      user_hash: createHmac("sha256", identity.body.identity_secret)
        .update("ada@example.com")
        .digest("hex"),
    });
    expect(visitor.status).toBeLessThan(300);
    secrets.push(visitor.body.visitor_token);
    const asVisitor = new Api(server.url, {
      origin: SITE,
      authorization: `Bearer ${visitor.body.visitor_token}`,
    });
    expect((await asVisitor.get("/api/widget/conversations")).status).toBe(200);

    const inbound = await api.post(`${X}/email/inbound-secret`);
    secrets.push(inbound.body.secret);
    const relay = (secret: string) =>
      fetch(`${server.url}${X}/email/inbound`, {
        method: "POST",
        headers: {
          "content-type": "message/rfc822",
          authorization: `Basic ${Buffer.from(`relay:${secret}`).toString("base64")}`,
        },
        body: "From: a@example.com\r\nTo: b@example.com\r\nSubject: hi\r\n\r\nhello\r\n",
      });
    expect((await relay(inbound.body.secret)).status).toBeLessThan(300);
    const next = await api.post(`${X}/email/inbound-secret`);
    secrets.push(next.body.secret);
    expect((await relay(inbound.body.secret)).status).toBe(401);
    // a caller presenting a secret in the wrong place: refused, and the refusal logs no secret
    expect(
      (await server.anonymous.get(`${X}/deals`, { "x-api-key": inbound.body.secret })).status,
    ).toBe(401);

    // Every read that shows these objects, their history or their events.
    const reads = [
      `${X}/api-keys`,
      `${X}/webhooks`,
      `${X}/webhooks/${webhook.body.id}`,
      `${X}/webhooks/${webhook.body.id}/deliveries`,
      `${X}/widget-keys`,
      `${X}/activity?page_size=500`,
      `${X}/events?page_size=500`,
      `${X}/interactions`,
    ];
    const answers = [];
    for (const path of reads) {
      const reply = await api.get(path);
      expect({ path, status: reply.status }).toEqual({ path, status: 200 });
      answers.push(JSON.stringify(reply.body));
    }
    answers.push(
      JSON.stringify((await server.admin.get(`${X}/api-keys?tenant_id=${tenantId}`)).body),
    );
    answers.push(JSON.stringify(receiver.received));

    const { db } = server.ctx;
    await db.execute("PRAGMA wal_checkpoint(TRUNCATE)").catch(() => {});
    // Every stored row, on any database; on an embedded one its files too (pages, WAL).
    const rows = await Promise.all(
      Object.values(schema)
        .filter((table) => is(table, SQLiteTable))
        .map(async (table) =>
          JSON.stringify(await db.execute(`SELECT * FROM "${getTableConfig(table).name}"`)),
        ),
    );
    const files = readdirSync(server.dir)
      .filter((name) => name !== "secret.key")
      .map((name) => join(server.dir, name))
      .filter((path) => !path.endsWith("documents"))
      .flatMap((path) => {
        try {
          return [readFileSync(path).toString("latin1")];
        } catch {
          return [];
        }
      });
    files.push(...rows);
    // what is read is what is stored: it holds what is stored of a key, its display prefix
    expect(files.some((text) => text.includes(key.slice(0, 12)))).toBe(true);
    expect(logs.length).toBeGreaterThan(20);

    for (const secret of secrets) {
      // what follows the prefix: the secret's random part
      const body = secret.slice(secret.indexOf("_") + 1);
      expect(body.length).toBeGreaterThan(20);
      const where = {
        answers: answers.some((text) => text.includes(body)),
        logs: logs.some((line) => line.includes(body)),
        files: files.some((text) => text.includes(body)),
      };
      expect({ secret: secret.slice(0, 6), ...where }).toEqual({
        secret: secret.slice(0, 6),
        answers: false,
        logs: false,
        files: false,
      });
    }
    receiver.close();
  });
});
