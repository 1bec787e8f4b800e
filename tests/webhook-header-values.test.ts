import { afterAll, beforeAll, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { openDatabase } from "../db/client";
import { migrate, migrationsOf } from "../db/migrate";
import { tenants, webhooks } from "../db/schema";
import { newId } from "../src/ids";
import { loadSecretKey, SecretBox } from "../src/secrets";
import { generateWebhookSecret } from "../src/webhooks/signing";
import { testDatabase } from "./helpers/database";
import { startTestServer } from "./helpers/server";
import { type Receiver, startReceiver } from "./webhook-receiver";

const STEP = "1530_webhook_header_values";
let receiver: Receiver;
beforeAll(() => {
  receiver = startReceiver();
});
afterAll(() => receiver.close());

test("migration 1530: header values stored in clear are encrypted, still sent, shown masked", async () => {
  const dir = mkdtempSync(join(tmpdir(), "crmd-header-values-"));
  const database = await testDatabase(dir, { empty: true });
  const tenantId = newId();
  const hookId = newId();
  const bareId = newId();
  const clear = { Authorization: "Bearer rcv_old_4b3a2918", "X-Note": "v1:not:sealed" };
  try {
    const db = await openDatabase(database.url);
    try {
      await migrate(
        db,
        migrationsOf(db).filter((m) => m.id !== STEP),
      );
      // The key the server will read from its data directory.
      const box = new SecretBox(loadSecretKey(undefined, dir));
      const now = new Date();
      const hook = (id: string, headers: Record<string, string>) => ({
        id,
        tenantId,
        url: receiver.url(`/hook/${id}`),
        events: ["*"],
        isActive: true,
        headers,
        secret: box.seal(generateWebhookSecret()),
        fromSeq: 0,
        createdAt: now,
        updatedAt: now,
      });
      await db.transaction(async (tx) => {
        await tx.insert(tenants).values({ id: tenantId, name: `t-${tenantId}`, createdAt: now });
        await tx.insert(webhooks).values([hook(hookId, clear), hook(bareId, {})]);
      });
      // Without the key the step cannot encrypt: it refuses, and nothing changes.
      await expect(migrate(db)).rejects.toThrow("no secret key was given");
      const [still] = await db.read.select().from(webhooks).where(eq(webhooks.id, hookId));
      expect(still.headers).toEqual(clear);
    } finally {
      await db.close();
    }

    // A server start applies it with the data directory's key.
    const server = await startTestServer({ dir, config: { databaseUrl: database.url } });
    try {
      const [row] = await server.ctx.db.read.select().from(webhooks).where(eq(webhooks.id, hookId));
      expect(JSON.stringify(row.headers)).not.toContain("rcv_old_4b3a2918");
      expect(row.headers["X-Note"]).not.toBe("v1:not:sealed");
      expect(server.ctx.secrets.open(row.headers.Authorization)).toBe(clear.Authorization);
      expect(server.ctx.secrets.open(row.headers["X-Note"])).toBe(clear["X-Note"]);
      const [bare] = await server.ctx.db.read
        .select()
        .from(webhooks)
        .where(eq(webhooks.id, bareId));
      expect(bare.headers).toEqual({});

      const api = await server.keyFor(tenantId, ["webhooks:manage"]);
      const shown = await api.get(`/api/external/webhooks/${hookId}`);
      expect(shown.body.headers).toEqual({ Authorization: "********", "X-Note": "********" });
      const sent = await api.post(`/api/external/webhooks/test/${hookId}`);
      expect(sent.body).toMatchObject({ success: true, error: null });
      const [request] = receiver.received.filter((r) => r.path === `/hook/${hookId}`);
      expect(request.headers).toMatchObject({
        authorization: clear.Authorization,
        "x-note": clear["X-Note"],
      });
    } finally {
      await server.close();
    }
  } finally {
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  }
});
