import { describe, expect, test } from "bun:test";
import { ManualClock } from "../src/clock";
import { Api, startTestServer } from "./helpers/server";
import { useTestServer } from "./helpers/suite";

const clock = new ManualClock(new Date("2026-03-02T10:00:00.000Z"));
const server = useTestServer({ clock });

describe("authentication", () => {
  test("no key: 401 with the error body and a request id", async () => {
    const reply = await server.anonymous.get("/api/external/api-keys");
    expect(reply.status).toBe(401);
    expect(reply.body.code).toBe("UNAUTHORIZED");
    expect(typeof reply.body.detail).toBe("string");
    expect(reply.headers.get("x-request-id")).toBe(reply.body.request_id);
  });

  test("X-API-Key and Authorization: Bearer both work", async () => {
    const { key } = await server.tenant(undefined, ["keys:manage"]);
    const variants: Record<string, string>[] = [
      { "x-api-key": key },
      { authorization: `Bearer ${key}` },
    ];
    for (const headers of variants) {
      const reply = await server.anonymous.get("/api/external/api-keys", headers);
      expect(reply.status).toBe(200);
      expect(reply.body.api_keys).toHaveLength(1);
    }
  });

  test("X-API-Key and Authorization: Bearer naming different credentials are 401, never one of them picked", async () => {
    const a = await server.tenant(undefined, ["*"]);
    const b = await server.tenant(undefined, ["*"]);
    expect((await a.api.post("/api/external/tasks", { title: "A's task" })).status).toBe(201);
    const cases: Record<string, string>[] = [
      { "x-api-key": b.key, authorization: `Bearer ${a.key}` },
      { "x-api-key": a.key, authorization: `Bearer ${b.key}` },
      { "x-api-key": a.key, authorization: `Bearer ${server.adminToken}` },
    ];
    for (const headers of cases) {
      const reply = await server.anonymous.get("/api/external/tasks", headers);
      expect([reply.status, reply.body.code]).toEqual([401, "UNAUTHORIZED"]);
      expect(reply.body.detail).toContain("different");
    }
    // The same key in both, or another scheme beside it (a proxy's Basic), is one credential.
    const same = await server.anonymous.get("/api/external/tasks", {
      "x-api-key": a.key,
      authorization: `Bearer ${a.key}`,
    });
    expect([same.status, same.body.tasks?.length]).toEqual([200, 1]);
    const basic = await server.anonymous.get("/api/external/tasks", {
      "x-api-key": a.key,
      authorization: "Basic cHJveHk6cGFzcw==",
    });
    expect([basic.status, basic.body.tasks?.length]).toEqual([200, 1]);
  });

  test("an unknown key is 401 even with a malformed body", async () => {
    const reply = await server.anonymous.post("/api/external/api-keys", "{not json", {
      "x-api-key": "elk_nope",
    });
    expect(reply.status).toBe(401);
  });

  test("a tenant key is 403 on admin-only endpoints", async () => {
    const { api } = await server.tenant(undefined, ["*"]);
    expect((await api.get("/api/external/tenants")).status).toBe(403);
    expect((await server.admin.get("/api/external/tenants")).status).toBe(200);
  });

  test("admin endpoints answer 401 when no admin token is configured", async () => {
    const bare = await startTestServer({ config: { adminToken: undefined } });
    try {
      const reply = await bare.anonymous.get("/api/external/tenants", {
        authorization: "Bearer anything",
      });
      expect(reply.status).toBe(401);
    } finally {
      await bare.close();
    }
  });
});

describe("admin routes", () => {
  test("every admin route: 401 with a wrong token or none configured, 403 to a tenant key", async () => {
    const doc = (await server.anonymous.get("/swagger/json")).body;
    const adminRoutes: Array<[string, string]> = [];
    for (const [path, operations] of Object.entries<Record<string, any>>(doc.paths))
      for (const [method, op] of Object.entries<any>(operations))
        if (["admin", "keys:manage"].includes(op["x-required-scope"]) && !path.includes("widget"))
          adminRoutes.push([method.toUpperCase(), path.replace(/\{[^}]+\}/g, "x")]);
    adminRoutes.push(["GET", "/metrics"]);
    expect(adminRoutes.length).toBeGreaterThanOrEqual(6);
    const bare = await startTestServer({ config: { adminToken: undefined } });
    try {
      const { key } = await server.tenant(undefined, ["*"]);
      const wrong: unknown[] = [];
      for (const [method, path] of adminRoutes) {
        // Each route's wrong token in a minute of its own: the wrong-token throttle counts per minute.
        clock.advance(60_000);
        const body = method === "GET" || method === "DELETE" ? undefined : {};
        const statuses = {
          unset: (
            await bare.anonymous.request(method, path, body, {
              authorization: `Bearer ${server.adminToken}`,
            })
          ).status,
          wrong: (
            await server.anonymous.request(method, path, body, {
              authorization: `Bearer ${server.adminToken}x`,
            })
          ).status,
          none: (await server.anonymous.request(method, path, body)).status,
        };
        if (Object.values(statuses).some((status) => status !== 401))
          wrong.push({ method, path, ...statuses });
        if (path.endsWith("/tenants") || path.endsWith("/scheduler")) {
          const tenant = await server.anonymous.request(method, path, body, { "x-api-key": key });
          if (tenant.status !== 403) wrong.push({ method, path, tenantKey: tenant.status });
        }
      }
      expect(wrong).toEqual([]);
    } finally {
      await bare.close();
    }
  });
});

describe("API keys (seed 001)", () => {
  test("create returns the key once; list never shows it; only its hash is stored", async () => {
    const tenant = await server.admin.post("/api/external/tenants", { name: "keys-once" });
    const created = await server.admin.post(`/api/external/api-keys?tenant_id=${tenant.body.id}`, {
      name: "Labyrinth OS Integration",
      permissions: ["read", "write", "webhook"],
      expires_in_days: null,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: "Labyrinth OS Integration",
      permissions: ["read", "write", "webhook"],
      expires_at: null,
    });
    expect(created.body.key).toMatch(/^elk_[A-Za-z0-9_-]{43}$/);
    expect(created.body.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);

    const listed = await server.admin.get(`/api/external/api-keys?tenant_id=${tenant.body.id}`);
    expect(listed.status).toBe(200);
    expect(JSON.stringify(listed.body)).not.toContain(created.body.key);
    expect(listed.body.api_keys[0].key).toBeUndefined();

    const rows = await server.ctx.db.execute("SELECT * FROM api_keys");
    expect(JSON.stringify(rows)).not.toContain(created.body.key.slice(4));
  });

  test("tenant_id may be the tenant's name; it is required with the admin token", async () => {
    await server.admin.post("/api/external/tenants", { name: "by-name" });
    const created = await server.admin.post("/api/external/api-keys?tenant_id=by-name", {
      name: "k",
      permissions: ["deals:read"],
    });
    expect(created.status).toBe(201);
    const missing = await server.admin.post("/api/external/api-keys", {
      name: "k",
      permissions: ["read"],
    });
    expect(missing.status).toBe(422);
    expect(missing.body.errors[0].path).toBe("/tenant_id");
  });

  test("unknown permissions are 422 with the index path", async () => {
    const { api } = await server.tenant(undefined, ["keys:manage", "deals:read"]);
    const reply = await api.post("/api/external/api-keys", {
      name: "x",
      permissions: ["deals:read", "deals:destroy"],
    });
    expect(reply.status).toBe(422);
    expect(reply.body.errors[0].path).toBe("/permissions/1");
  });

  test("a key with keys:manage manages its own tenant only", async () => {
    const own = await server.tenant(undefined, ["keys:manage"]);
    const other = await server.tenant(undefined, ["keys:manage"]);
    const foreign = await own.api.get(`/api/external/api-keys?tenant_id=${other.tenantId}`);
    expect(foreign.status).toBe(403);
    const otherKeys = await other.api.get("/api/external/api-keys");
    const revokeForeign = await own.api.delete(
      `/api/external/api-keys/${otherKeys.body.api_keys[0].id}`,
    );
    expect(revokeForeign.status).toBe(404);
    expect((await other.api.get("/api/external/api-keys")).status).toBe(200);
  });

  test("a revoked key is refused at once", async () => {
    const { api, tenantId } = await server.tenant(undefined, ["keys:manage"]);
    expect((await api.get("/api/external/api-keys")).status).toBe(200);
    const keys = await server.admin.get(`/api/external/api-keys?tenant_id=${tenantId}`);
    const revoked = await server.admin.delete(
      `/api/external/api-keys/${keys.body.api_keys[0].id}?tenant_id=${tenantId}`,
    );
    expect(revoked.status).toBe(200);
    expect(revoked.body.revoked_at).not.toBeNull();
    const after = await api.get("/api/external/api-keys");
    expect(after.status).toBe(401);
  });

  test("keys made in the same millisecond list in the order they were made, revoked or not", async () => {
    const { tenantId } = await server.tenant(undefined, ["keys:manage"]);
    const path = `/api/external/api-keys?tenant_id=${tenantId}`;
    const made = [(await server.admin.get(path)).body.api_keys[0].id];
    for (const name of ["b", "c", "d", "e"])
      made.push((await server.admin.post(path, { name, permissions: ["read"] })).body.id);
    // a revoke rewrites the row (PostgreSQL stores it anew, after the others)
    for (const id of made.slice(0, 2))
      expect(
        (await server.admin.delete(`/api/external/api-keys/${id}?tenant_id=${tenantId}`)).status,
      ).toBe(200);
    const listed = (await server.admin.get(path)).body.api_keys.map((k: { id: string }) => k.id);
    expect(listed).toEqual(made);
  });

  test("an expired key is refused", async () => {
    const { api, tenantId } = await server.tenant(undefined, ["keys:manage"], {
      expires_in_days: 1,
    });
    const keys = await server.admin.get(`/api/external/api-keys?tenant_id=${tenantId}`);
    const aDayOn = new Date(clock.now().getTime() + 86_400_000).toISOString();
    expect(keys.body.api_keys[0].expires_at).toBe(aDayOn);
    expect((await api.get("/api/external/api-keys")).status).toBe(200);
    clock.advance(86_400_000 + 1);
    expect((await api.get("/api/external/api-keys")).status).toBe(401);
  });

  test("last_used_at is kept", async () => {
    const { api, tenantId } = await server.tenant(undefined, ["keys:manage"]);
    await api.get("/api/external/api-keys");
    let lastUsed: string | null = null;
    for (let i = 0; i < 50 && !lastUsed; i++) {
      const keys = await server.admin.get(`/api/external/api-keys?tenant_id=${tenantId}`);
      lastUsed = keys.body.api_keys[0].last_used_at;
      if (!lastUsed) await Bun.sleep(10);
    }
    expect(lastUsed).toBe(clock.now().toISOString());
  });
});

describe("scopes", () => {
  test("each alias grants what DESIGN says", async () => {
    const { expandPermissions } = await import("../src/scopes");
    const read = expandPermissions(["read"]);
    expect(read.has("deals:read")).toBe(true);
    expect(read.has("deals:write")).toBe(false);
    expect(read.has("webhooks:manage")).toBe(false);
    const write = expandPermissions(["write"]);
    expect(write.has("tasks:write")).toBe(true);
    expect(write.has("tasks:read")).toBe(false);
    expect([...expandPermissions(["webhook"])]).toEqual(["webhooks:manage"]);
    const all = expandPermissions(["*"]);
    expect(all.has("keys:manage")).toBe(true);
    expect(all.has("webhooks:manage")).toBe(true);
    expect(expandPermissions(["activities:write"]).has("notes:write")).toBe(true);
  });

  test("every scoped route answers 403 to a key without its scope and lets one with it through", async () => {
    const doc = (await server.anonymous.get("/swagger/json")).body;
    const { tenantId } = await server.tenant();
    // A key holding one unrelated scope: keys:manage, or deals:read for the key routes.
    // They call every route, more than the default rate limit allows in a minute.
    const unlimited = { rate_limit: 1_000_000 };
    const keysOnly = await server.keyFor(tenantId, ["keys:manage"], unlimited);
    const dealsOnly = await server.keyFor(tenantId, ["deals:read"], unlimited);
    // Routes that hand out a credential also need the scopes the credential acts with.
    const widget = [
      "contacts:write",
      "conversations:read",
      "conversations:write",
      "messages:read",
      "messages:write",
    ];
    const alsoNeeds: Record<string, string[]> = {
      "/api/external/email/inbound-secret": [
        "contacts:write",
        "documents:write",
        "interactions:read",
      ],
      "/api/external/widget-keys": widget,
      // Converting a lead creates a deal.
      "/api/external/leads/{id}/convert": ["deals:write"],
      "/api/external/widget-keys/{id}/rotate-identity-secret": widget,
      // A record's archived values need its object's read scope (any custom object's here).
      "/api/external/fields/{object}/archived/{id}": ["objects:read"],
    };
    let checked = 0;
    for (const [path, operations] of Object.entries<Record<string, any>>(doc.paths)) {
      for (const [method, op] of Object.entries<any>(operations)) {
        const scope = op["x-required-scope"];
        // `<object>:read|write`: the path's object type decides (tests/associations.test.ts)
        if (!scope || scope === "admin" || scope.startsWith("<object>")) continue;
        const concrete = path.replace(/\{[^}]+\}/g, "00000000-0000-7000-8000-000000000000");
        const allowed = await server.keyFor(tenantId, [scope, ...(alsoNeeds[path] ?? [])]);
        const verb = method.toUpperCase();
        const body = ["GET", "HEAD", "DELETE"].includes(verb) ? undefined : {};
        const none = scope === "keys:manage" ? dealsOnly : keysOnly;
        const denied = await none.request(verb, concrete, body);
        expect({ path, method, status: denied.status }).toEqual({ path, method, status: 403 });
        const passed = await allowed.request(verb, concrete, body);
        if (scope !== "keys:manage") {
          const admin = await server.admin.request(verb, concrete, body);
          expect({ path, method, admin: admin.status }).toEqual({ path, method, admin: 403 });
        }
        expect({ path, method, passed: ![401, 403].includes(passed.status) }).toEqual({
          path,
          method,
          passed: true,
        });
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });
});

describe("auth before strict inputs", () => {
  test("a key without the scope gets 403 for an undeclared field or parameter, never the 422 naming it", async () => {
    const { tenantId } = await server.tenant();
    const dealsReader = await server.keyFor(tenantId, ["deals:read"]);
    const leadsReader = await server.keyFor(tenantId, ["leads:read", "deals:write"]);
    const cases: Array<[Api, Api, string, string, unknown, string]> = [
      [dealsReader, leadsReader, "POST", "/api/external/deals", { bogus: 1 }, "/bogus"],
      [dealsReader, leadsReader, "GET", "/api/external/leads?bogus=1", undefined, "/bogus"],
      [
        leadsReader,
        dealsReader,
        "GET",
        "/api/external/deals?page_size=1e3",
        undefined,
        "/page_size",
      ],
    ];
    for (const [lacking, holding, method, path, body, field] of cases) {
      const refused = await lacking.request(method, path, body);
      expect({ path, status: refused.status }).toEqual({ path, status: 403 });
      expect(refused.body.errors).toBeUndefined();
      const invalid = await holding.request(method, path, body);
      expect({ path, status: invalid.status }).toEqual({ path, status: 422 });
      expect(invalid.body.errors.map((e: { path: string }) => e.path)).toContain(field);
    }
    // An admin endpoint: 403 to a key, whatever the query.
    expect((await dealsReader.get("/api/external/tenants?bogus=1")).status).toBe(403);
  });
});

describe("seed 001's coarse permissions", () => {
  test("read, write, webhook and * open exactly the routes of the scopes they stand for", async () => {
    const { expandPermissions } = await import("../src/scopes");
    const doc = (await server.anonymous.get("/swagger/json")).body;
    const { tenantId } = await server.tenant();
    const aliases = ["read", "write", "webhook", "*"];
    const keys = new Map<string, Api>();
    for (const alias of aliases)
      keys.set(alias, await server.keyFor(tenantId, [alias], { rate_limit: 1_000_000 }));
    const wrong: unknown[] = [];
    for (const [path, operations] of Object.entries<Record<string, any>>(doc.paths)) {
      for (const [method, op] of Object.entries<any>(operations)) {
        const scope = op["x-required-scope"];
        if (!scope || scope === "admin" || scope.startsWith("<object>")) continue;
        const concrete = path.replace(/\{[^}]+\}/g, "00000000-0000-7000-8000-000000000000");
        const verb = method.toUpperCase();
        const body = ["GET", "HEAD", "DELETE"].includes(verb) ? undefined : {};
        for (const alias of aliases) {
          const reply = await (keys.get(alias) as Api).request(verb, concrete, body);
          const granted = expandPermissions([alias]).has(scope);
          const passed = ![401, 403].includes(reply.status);
          if (passed !== granted || (!granted && reply.status !== 403))
            wrong.push({ alias, route: `${verb} ${path}`, scope, status: reply.status });
        }
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe("key management cannot escalate", () => {
  test("a key with keys:manage grants only scopes it holds itself", async () => {
    const { api } = await server.tenant(undefined, ["keys:manage", "deals:read"]);
    const wide = await api.post("/api/external/api-keys", {
      name: "x",
      permissions: ["deals:read", "*"],
    });
    expect(wide.status).toBe(403);
    expect(wide.body.errors[0].path).toBe("/permissions/1");
    const write = await api.post("/api/external/api-keys", { name: "x", permissions: ["write"] });
    expect(write.status).toBe(403);
    const narrow = await api.post("/api/external/api-keys", {
      name: "x",
      permissions: ["deals:read"],
    });
    expect(narrow.status).toBe(201);
    const admin = await server.admin.post(
      `/api/external/api-keys?tenant_id=${narrow.body.tenant_id}`,
      {
        name: "x",
        permissions: ["*"],
      },
    );
    expect(admin.status).toBe(201);
  });
});

describe("a key cannot outlive the key that made it", () => {
  test("a key that expires can only make keys that expire no later than itself", async () => {
    const { api } = await server.tenant(undefined, ["keys:manage", "deals:read"], {
      expires_in_days: 2,
    });
    for (const expires_in_days of [null, 3, undefined]) {
      const longer = await api.post("/api/external/api-keys", {
        name: "x",
        permissions: ["deals:read"],
        ...(expires_in_days === undefined ? {} : { expires_in_days }),
      });
      expect({ expires_in_days, status: longer.status }).toEqual({ expires_in_days, status: 403 });
      expect(longer.body.errors[0].path).toBe("/expires_in_days");
    }
    const within = await api.post("/api/external/api-keys", {
      name: "x",
      permissions: ["deals:read"],
      expires_in_days: 2,
    });
    expect(within.status).toBe(201);
    // a key that never expires, and the admin token, may make any
    const { api: forever } = await server.tenant(undefined, ["keys:manage", "deals:read"]);
    const unbounded = await forever.post("/api/external/api-keys", {
      name: "x",
      permissions: ["deals:read"],
    });
    expect(unbounded.status).toBe(201);
  });
});

describe("a key cannot raise the rate limit of the key that made it", () => {
  test("a key grants at most its own rate limit; without one, its limit is the server default", async () => {
    const mint = (api: Api, body: Record<string, unknown>) =>
      api.post("/api/external/api-keys", { name: "x", permissions: ["deals:read"], ...body });
    const { api: limited } = await server.tenant(undefined, ["keys:manage", "deals:read"], {
      rate_limit: 10,
    });
    // Omitted and null both mean the server default (100 here), above 10.
    for (const body of [{ rate_limit: 11 }, { rate_limit: null }, {}]) {
      const higher = await mint(limited, body);
      expect({ body, status: higher.status }).toEqual({ body, status: 403 });
      expect(higher.body.errors[0].path).toBe("/rate_limit");
    }
    for (const rate_limit of [10, 1])
      expect((await mint(limited, { rate_limit })).status).toBe(201);

    const { api: defaulted } = await server.tenant(undefined, ["keys:manage", "deals:read"]);
    const above = await mint(defaulted, { rate_limit: 101 });
    expect(above.status).toBe(403);
    expect(above.body.errors[0].path).toBe("/rate_limit");
    expect((await mint(defaulted, { rate_limit: 100 })).status).toBe(201);
    expect((await mint(defaulted, {})).status).toBe(201);

    const { api: generous } = await server.tenant(undefined, ["keys:manage", "deals:read"], {
      rate_limit: 500,
    });
    expect((await mint(generous, {})).status).toBe(201);
    expect((await mint(generous, { rate_limit: 501 })).status).toBe(403);
    // The admin token may set any limit.
    const tenantId = (await mint(generous, { rate_limit: 500 })).body.tenant_id;
    const admin = await server.admin.post(`/api/external/api-keys?tenant_id=${tenantId}`, {
      name: "x",
      permissions: ["deals:read"],
      rate_limit: 1_000_000,
    });
    expect(admin.status).toBe(201);
  });
});

describe("custom-object scopes are not a way to built-in ones", () => {
  test("objects:read|write cannot grant events:read, interactions:read or calls:write", async () => {
    const { api } = await server.tenant(undefined, [
      "keys:manage",
      "objects:read",
      "objects:write",
    ]);
    const builtIn = [
      ["events:read", "GET", "/events"],
      ["interactions:read", "GET", "/interactions"],
      ["calls:write", "POST", "/calls"],
    ];
    for (const [permission, verb, path] of builtIn) {
      // the key itself is refused there, so it may not mint a key that is not
      const own = await api.request(verb, `/api/external${path}`, verb === "POST" ? {} : undefined);
      expect(own.status).toBe(403);
      const minted = await api.post("/api/external/api-keys", {
        name: "x",
        permissions: ["vehicles:read", permission],
      });
      expect({ permission, status: minted.status }).toEqual({ permission, status: 403 });
      expect(minted.body.errors[0].path).toBe("/permissions/1");
    }
    const objectsOnly = await api.post("/api/external/api-keys", {
      name: "x",
      permissions: ["vehicles:*", "objects:read"],
    });
    expect(objectsOnly.status).toBe(201);
  });
});

describe("key management cannot revoke stronger keys", () => {
  test("a key with keys:manage revokes only keys whose scopes it holds itself; the admin token any", async () => {
    const { api, tenantId } = await server.tenant(undefined, ["keys:manage", "deals:read"]);
    const path = `/api/external/api-keys?tenant_id=${tenantId}`;
    const strongest = await server.admin.post(path, { name: "owner", permissions: ["*"] });
    const wider = await server.admin.post(path, { name: "w", permissions: ["deals:*"] });
    const narrower = await server.admin.post(path, { name: "n", permissions: ["deals:read"] });
    for (const key of [strongest.body, wider.body]) {
      const refused = await api.delete(`/api/external/api-keys/${key.id}`);
      expect({ name: key.name, status: refused.status }).toEqual({ name: key.name, status: 403 });
      expect(refused.body.code).toBe("FORBIDDEN");
      // still in use
      const owner = await server.anonymous.get("/api/external/deals", { "x-api-key": key.key });
      expect(owner.status).toBe(200);
    }
    expect((await api.delete(`/api/external/api-keys/${narrower.body.id}`)).status).toBe(200);
    const byAdmin = await server.admin.delete(
      `/api/external/api-keys/${strongest.body.id}?tenant_id=${tenantId}`,
    );
    expect(byAdmin.status).toBe(200);
  });
});

describe("keys made by a key share its rate limit", () => {
  test("minting keys multiplies no budget: a key and every key made from it count in its window", async () => {
    const { api: maker, tenantId } = await server.tenant(undefined, ["keys:manage", "deals:read"], {
      rate_limit: 6,
    });
    clock.advance(60_000 - (clock.now().getTime() % 60_000)); // a fresh minute
    const mint = async (by: Api) => {
      const made = await by.post("/api/external/api-keys", {
        name: "x",
        permissions: ["keys:manage", "deals:read"],
        rate_limit: 6,
      });
      expect(made.status).toBe(201);
      expect(made.body.rate_limit_key_id).toBe(makerId);
      return new Api(server.url, { "x-api-key": made.body.key });
    };
    const listed = await server.admin.get(`/api/external/api-keys?tenant_id=${tenantId}`);
    const makerId = listed.body.api_keys[0].id;
    expect(listed.body.api_keys[0].rate_limit_key_id).toBeNull();
    const child = await mint(maker); // the maker's window: 1
    const grandchild = await mint(child); // 2
    const statuses: number[] = [];
    let last: Awaited<ReturnType<Api["get"]>> | undefined;
    for (const api of [maker, child, grandchild, maker, child, grandchild]) {
      last = await api.get("/api/external/deals");
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
    expect(last?.headers.get("x-ratelimit-limit")).toBe("6");
    expect(last?.headers.get("x-ratelimit-remaining")).toBe("0");
    expect(Number(last?.headers.get("retry-after"))).toBeGreaterThan(0);
    // A key the admin token made has its own budget, as before.
    const own = await server.keyFor(tenantId, ["deals:read"]);
    expect((await own.get("/api/external/deals")).status).toBe(200);
    clock.advance(60_000);
    const next = await grandchild.get("/api/external/deals");
    expect(next.status).toBe(200);
    expect(next.headers.get("x-ratelimit-remaining")).toBe("5");
  });
});
