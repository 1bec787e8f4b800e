import { describe, expect, test } from "bun:test";
import { Webhook } from "standardwebhooks";
import { ConfigError, loadConfig } from "../src/config";
import { parseRetryAfter, retryDelayMs } from "../src/webhooks/retry";
import {
  generateWebhookSecret,
  SECRET_PREFIX,
  seedSignature,
  signatureHeaders,
} from "../src/webhooks/signing";
import { type AddressClass, classifyAddress, parseV6, resolveTarget } from "../src/webhooks/ssrf";
import {
  isReservedHeader,
  isValidSubscription,
  matchesSubscription,
} from "../src/webhooks/subscriptions";
import { seedPythonVerifies } from "./webhook-receiver";

describe("address classifier", () => {
  const cases: Array<[string, AddressClass]> = [
    ["8.8.8.8", "public"],
    ["1.1.1.1", "public"],
    ["0.0.0.0", "unspecified"],
    ["0.1.2.3", "unspecified"],
    ["10.1.2.3", "private"],
    ["172.16.0.1", "private"],
    ["172.31.255.255", "private"],
    ["172.32.0.1", "public"],
    ["192.168.1.1", "private"],
    ["127.0.0.1", "loopback"],
    ["127.255.0.9", "loopback"],
    ["169.254.1.1", "link-local"],
    ["169.254.169.254", "cloud-metadata"],
    ["168.63.129.16", "cloud-metadata"],
    ["100.100.100.200", "cloud-metadata"],
    ["100.64.0.1", "cgnat"],
    ["100.127.255.255", "cgnat"],
    ["100.128.0.1", "public"],
    ["224.0.0.1", "multicast"],
    ["239.255.255.250", "multicast"],
    ["255.255.255.255", "reserved"],
    ["192.0.2.10", "documentation"],
    ["198.18.0.1", "reserved"],
    ["::", "unspecified"],
    ["::1", "loopback"],
    ["[::1]", "loopback"],
    ["0:0:0:0:0:0:0:1", "loopback"],
    ["::ffff:127.0.0.1", "loopback"],
    ["::ffff:7f00:1", "loopback"],
    ["::ffff:10.0.0.1", "private"],
    ["::ffff:169.254.169.254", "cloud-metadata"],
    ["::ffff:8.8.8.8", "public"],
    ["::127.0.0.1", "loopback"],
    ["64:ff9b::10.0.0.1", "private"],
    ["64:ff9b::8.8.8.8", "public"],
    ["2002:7f00:1::", "loopback"],
    ["fe80::1", "link-local"],
    ["fe80::1%eth0", "link-local"],
    ["fc00::1", "private"],
    ["fd12:3456::1", "private"],
    ["fd00:ec2::254", "cloud-metadata"],
    ["ff02::1", "multicast"],
    ["2001:db8::1", "documentation"],
    ["2001:4860:4860::8888", "public"],
    ["2606:4700:4700::1111", "public"],
  ];
  for (const [address, expected] of cases)
    test(`${address} is ${expected}`, () => expect(classifyAddress(address)).toBe(expected));

  test("anything else is not an address", () => {
    for (const text of [
      "example.com",
      "1.2.3",
      "1.2.3.256",
      "1::2::3",
      "gggg::1",
      "",
      "::1:2:3:4:5:6:7:8",
    ])
      expect(classifyAddress(text)).toBeNull();
  });

  test("IPv6 parsing expands :: and embedded IPv4", () => {
    expect(parseV6("1::2")).toEqual([0, 1, ...Array(12).fill(0), 0, 2]);
    expect(parseV6("::ffff:1.2.3.4")?.slice(10)).toEqual([0xff, 0xff, 1, 2, 3, 4]);
  });

  test("a host is refused when any of its addresses is not public", async () => {
    const lookup = async () => ["93.184.215.14", "10.0.0.5"];
    await expect(resolveTarget("mixed.example", false, lookup)).rejects.toThrow(
      "refused: mixed.example resolves to 10.0.0.5 (private address)",
    );
    expect(await resolveTarget("mixed.example", true, lookup)).toEqual([
      "93.184.215.14",
      "10.0.0.5",
    ]);
    expect(await resolveTarget("public.example", false, async () => ["93.184.215.14"])).toEqual([
      "93.184.215.14",
    ]);
    await expect(resolveTarget("[::1]", false)).rejects.toThrow("loopback");
  });
});

describe("subscriptions", () => {
  test("exact, prefix.* and * match; nothing else does", () => {
    expect(matchesSubscription(["deal.won"], "deal.won")).toBe(true);
    expect(matchesSubscription(["deal.won"], "deal.lost")).toBe(false);
    expect(matchesSubscription(["deal.*"], "deal.stage_changed")).toBe(true);
    expect(matchesSubscription(["deal.*"], "dealer.created")).toBe(false);
    expect(matchesSubscription(["deal.*"], "lead.created")).toBe(false);
    expect(matchesSubscription(["*"], "anything.at_all")).toBe(true);
    expect(matchesSubscription(["lead.created", "task.*"], "task.overdue")).toBe(true);
  });

  test("valid patterns are known types, prefixes of known types, and *", () => {
    for (const ok of ["*", "deal.won", "deal.*", "sla.*", "handoff.completed"])
      expect(isValidSubscription(ok)).toBe(true);
    for (const bad of ["deal.nope", "nope.*", ".*", "deal", "deal.won.*", "**", "deal*"])
      expect(isValidSubscription(bad)).toBe(false);
  });

  test("signature, framing and routing headers are reserved, case-insensitively", () => {
    for (const name of [
      "X-Webhook-Signature",
      "x-webhook-anything",
      "Webhook-Id",
      "Content-Type",
      "content-length",
      "Host",
      "Transfer-Encoding",
      "User-Agent",
      "Proxy-Authorization",
      "traceparent",
      "TraceParent",
    ])
      expect(isReservedHeader(name)).toBe(true);
    for (const name of ["Authorization", "X-Custom-Header", "X-Tenant"])
      expect(isReservedHeader(name)).toBe(false);
  });
});

describe("signing", () => {
  const body = JSON.stringify({ id: "evt_1", event_type: "deal.won", data: { name: "Ünïcode ✓" } });
  const at = new Date();

  test("secrets are whsec_ + base64 of 32 random bytes", () => {
    const secret = generateWebhookSecret();
    expect(secret.startsWith(SECRET_PREFIX)).toBe(true);
    expect(Buffer.from(secret.slice(SECRET_PREFIX.length), "base64")).toHaveLength(32);
    expect(generateWebhookSecret()).not.toBe(secret);
  });

  test("the Standard Webhooks library verifies webhook-signature; a wrong secret fails", () => {
    const secret = generateWebhookSecret();
    const headers = signatureHeaders(
      { current: secret, previous: [] },
      "evt_1",
      "deal.won",
      at,
      body,
    );
    expect(headers["webhook-id"]).toBe("evt_1");
    expect(headers["webhook-timestamp"]).toBe(String(Math.floor(at.getTime() / 1000)));
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
    expect(() => new Webhook(generateWebhookSecret()).verify(body, headers)).toThrow();
    expect(() => new Webhook(secret).verify(`${body} `, headers)).toThrow();
  });

  test("after a rotation both secrets verify; X-Webhook-Signature uses the new one", () => {
    const [current, previous] = [generateWebhookSecret(), generateWebhookSecret()];
    const headers = signatureHeaders(
      { current, previous: [previous] },
      "evt_2",
      "deal.won",
      at,
      body,
    );
    expect(headers["webhook-signature"].split(" ")).toHaveLength(2);
    expect(() => new Webhook(current).verify(body, headers)).not.toThrow();
    expect(() => new Webhook(previous).verify(body, headers)).not.toThrow();
    expect(headers["x-webhook-signature"]).toBe(seedSignature(current, body));
  });

  test("X-Webhook-Signature is sha256=hex HMAC of the raw body keyed with the secret string", () => {
    const secret = generateWebhookSecret();
    const headers = signatureHeaders(
      { current: secret, previous: [] },
      "evt_3",
      "deal.won",
      at,
      body,
    );
    const expected = new Bun.CryptoHasher("sha256", secret).update(body).digest("hex");
    expect(headers["x-webhook-signature"]).toBe(`sha256=${expected}`);
    expect(headers["x-webhook-event"]).toBe("deal.won");
    expect(headers["x-webhook-timestamp"]).toBe(at.toISOString());
    const verdict = seedPythonVerifies({ path: "/", body, headers, json: null }, secret);
    if (verdict !== null) expect(verdict).toBe(true);
    const forged = seedPythonVerifies({ path: "/", body, headers, json: null }, `${secret}x`);
    if (forged !== null) expect(forged).toBe(false);
  });
});

describe("configuration", () => {
  test("webhook settings come from CRMD_WEBHOOK_* with defaults, and bad values are refused", () => {
    const defaults = loadConfig({});
    expect(defaults).toMatchObject({
      webhookConcurrency: 128,
      webhookMaxPerHour: 1000,
      webhookDisableAfterFailures: 100,
      webhookDisableAfterDays: 5,
      webhookRetentionDays: 30,
      webhookRetrySchedule: [60, 300, 900, 3600, 21600],
    });
    const custom = loadConfig({
      CRMD_WEBHOOK_CONCURRENCY: "4",
      CRMD_WEBHOOK_MAX_PER_HOUR: "50",
      CRMD_WEBHOOK_DISABLE_AFTER_FAILURES: "7",
      CRMD_WEBHOOK_DISABLE_AFTER_DAYS: "2",
      CRMD_WEBHOOK_RETENTION_DAYS: "90",
    });
    expect(custom).toMatchObject({
      webhookConcurrency: 4,
      webhookMaxPerHour: 50,
      webhookDisableAfterFailures: 7,
      webhookDisableAfterDays: 2,
      webhookRetentionDays: 90,
    });
    expect(loadConfig({}, { "webhook-max-per-hour": "9" }).webhookMaxPerHour).toBe(9);
    expect(() => loadConfig({ CRMD_WEBHOOK_MAX_PER_HOUR: "0" })).toThrow(ConfigError);
    expect(() => loadConfig({ CRMD_WEBHOOK_RETENTION_DAYS: "a week" })).toThrow(ConfigError);
  });
});

describe("retry timing", () => {
  test("the schedule is followed with ±10% jitter, then spent", () => {
    const schedule = [60, 300];
    expect(retryDelayMs(schedule, 1, () => 0.5)).toBe(60_000);
    expect(retryDelayMs(schedule, 1, () => 0)).toBe(54_000);
    expect(retryDelayMs(schedule, 2, () => 1)).toBe(330_000);
    expect(retryDelayMs(schedule, 3)).toBeNull();
  });

  test("Retry-After: seconds or HTTP date, capped at a day", () => {
    const now = new Date("2026-01-10T00:00:00Z");
    expect(parseRetryAfter("120", now)).toBe(120);
    expect(parseRetryAfter("Sat, 10 Jan 2026 00:05:00 GMT", now)).toBe(300);
    expect(parseRetryAfter("999999", now)).toBe(86_400);
    expect(parseRetryAfter("soon", now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });
});
