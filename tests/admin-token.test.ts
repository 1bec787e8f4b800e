/**
 * The operator's admin token: wrong attempts are throttled per client
 * address, and crmd refuses to start with a token short enough to guess.
 */
import { describe, expect, test } from "bun:test";
import { ADMIN_FAILURES_PER_MINUTE } from "../src/auth";
import { ManualClock } from "../src/clock";
import { ConfigError, loadConfig } from "../src/config";
import { useTestServer } from "./helpers/suite";

const clock = new ManualClock(new Date("2026-03-02T10:00:30.000Z"));
// Behind a trusted proxy on loopback, X-Forwarded-For names each test's own client address.
const server = useTestServer({ clock, config: { trustedProxies: ["loopback"] } });

const from = (address: string, token: string) => ({
  authorization: `Bearer ${token}`,
  "x-forwarded-for": address,
});

describe("failed admin authentications are throttled per client address", () => {
  test("past the limit an address gets 429 with Retry-After, right token or not, until the minute ends", async () => {
    const { key } = await server.tenant(undefined, ["keys:manage"]);
    const guesser = "203.0.113.7";
    for (let i = 0; i < ADMIN_FAILURES_PER_MINUTE; i++) {
      const wrong = await server.anonymous.get(
        "/api/external/tenants",
        from(guesser, `guess-${i}`),
      );
      expect(wrong.status).toBe(401);
    }
    const over = await server.anonymous.get("/api/external/tenants", from(guesser, "guess-x"));
    expect(over.status).toBe(429);
    expect(over.body.code).toBe("RATE_LIMITED");
    expect(Number(over.headers.get("retry-after"))).toBe(30);
    // The right token tells nothing now: a guess cannot be confirmed by its answer.
    const right = await server.anonymous.get(
      "/api/external/tenants",
      from(guesser, server.adminToken),
    );
    expect(right.status).toBe(429);
    // The metrics endpoint, which also takes the admin token, is no way around it.
    const metrics = await server.anonymous.get("/metrics", from(guesser, server.adminToken));
    expect(metrics.status).toBe(429);
    // API keys from the same address work on; other addresses are not held up.
    const withKey = await server.anonymous.get("/api/external/api-keys", {
      "x-api-key": key,
      "x-forwarded-for": guesser,
    });
    expect(withKey.status).toBe(200);
    const other = await server.anonymous.get(
      "/api/external/tenants",
      from("203.0.113.8", server.adminToken),
    );
    expect(other.status).toBe(200);
    clock.advance(30_000);
    const later = await server.anonymous.get(
      "/api/external/tenants",
      from(guesser, server.adminToken),
    );
    expect(later.status).toBe(200);
  });

  test("wrong tokens on GET /metrics count too", async () => {
    const guesser = "203.0.113.9";
    for (let i = 0; i < ADMIN_FAILURES_PER_MINUTE; i++)
      expect((await server.anonymous.get("/metrics", from(guesser, `m-${i}`))).status).toBe(401);
    const over = await server.anonymous.get("/api/external/tenants", from(guesser, "m-x"));
    expect(over.status).toBe(429);
  });

  test("API keys and widget visitor tokens, valid or not, are no attempts at the admin token", async () => {
    const sender = "203.0.113.10";
    for (let i = 0; i <= ADMIN_FAILURES_PER_MINUTE; i++)
      for (const token of [`elk_wrong${i}`, `vt_wrong${i}`])
        expect(
          (await server.anonymous.get("/api/external/deals", from(sender, token))).status,
        ).toBe(401);
    const admin = await server.anonymous.get(
      "/api/external/tenants",
      from(sender, server.adminToken),
    );
    expect(admin.status).toBe(200);
  });
});

describe("the admin token's length", () => {
  test("crmd refuses to start with an admin token under 32 characters", () => {
    expect(() => loadConfig({ CRMD_ADMIN_TOKEN: "a".repeat(31) })).toThrow(ConfigError);
    expect(() => loadConfig({}, { "admin-token": "short" })).toThrow(/at least 32 characters/);
    expect(loadConfig({ CRMD_ADMIN_TOKEN: "a".repeat(32) }).adminToken).toBe("a".repeat(32));
    expect(loadConfig({ CRMD_ADMIN_TOKEN: "" }).adminToken).toBeUndefined();
  });
});

describe("the metrics token's length", () => {
  test("crmd refuses to start with a metrics token under 32 characters, since it is served to locked-out addresses", () => {
    expect(() => loadConfig({ CRMD_METRICS_TOKEN: "m".repeat(31) })).toThrow(
      /CRMD_METRICS_TOKEN must be at least 32 characters \(it is 31\)/,
    );
    expect(loadConfig({ CRMD_METRICS_TOKEN: "m".repeat(32) }).metricsToken).toBe("m".repeat(32));
  });
});
