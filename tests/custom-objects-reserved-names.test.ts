import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { customObjectTypes } from "../db/schema";
import { created } from "./helpers/api";
import { startTestServer, type TestServer } from "./helpers/server";

/**
 * `suppressions:*` scopes and `suppression.*` events became built-in after
 * tenants could define object types: a type a tenant named so before is
 * still there (new ones are refused), and each start reports it.
 */
describe("object types defined before a built-in took their name", () => {
  let dir: string;
  const servers: TestServer[] = [];
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "crmd-reserved-names-"));
  });
  afterAll(async () => {
    for (const s of servers) await s.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test("are refused when new, and reported by name and tenant at every start", async () => {
    const first = await startTestServer({ dir, config: { rateLimit: 100_000 } });
    servers.push(first);
    const { api, tenantId } = await first.tenant();
    const type = (name: string, plural: string) => ({
      name,
      plural,
      label: plural,
      primary_field: "title",
      fields: [{ key: "title", label: "Title", type: "text" }],
    });
    await created(api, "/object-types", type("fleet", "fleets"));
    const refused = await api.post("/api/external/object-types", type("blocked", "suppressions"));
    expect(refused.status).toBe(422);
    expect(refused.body.errors[0]).toMatchObject({ path: "/plural", message: "is reserved" });
    const named = await api.post("/api/external/object-types", type("suppression", "blocklists"));
    expect(named.status).toBe(422);
    expect(named.body.errors[0].path).toBe("/name");

    // As a tenant defined it before the built-in suppression list existed.
    const now = first.ctx.clock.now();
    await first.ctx.write((tx) =>
      tx.insert(customObjectTypes).values({
        id: Bun.randomUUIDv7(),
        tenantId,
        name: "suppression",
        plural: "suppressions",
        label: "Suppressions",
        primaryField: "title",
        createdAt: now,
        updatedAt: now,
      }),
    );
    await first.close();
    servers.pop();

    const second = await startTestServer({ dir, captureLogs: true });
    servers.push(second);
    const reports = () =>
      second.logs.filter((line) => line.msg?.startsWith("custom object type shares a built-in"));
    // The check runs beside the server's start, not before it answers.
    for (let i = 0; i < 500 && reports().length === 0; i++) await Bun.sleep(10);
    expect(reports()).toEqual([
      expect.objectContaining({
        level: "warn",
        tenant_id: tenantId,
        object_type: "suppressions",
        name: "suppression",
        shares: ["scopes suppressions:read|write", "events suppression.*"],
      }),
    ]);
    expect(reports()[0].msg).toContain("docs/data-model.md");
  });
});
