import { describe, expect, test } from "bun:test";
import type { Database } from "../db/client";
import { ManualClock } from "../src/clock";
import { sha256Hex } from "../src/ids";
import { KeyStore } from "../src/keys";
import type { Logger } from "../src/logger";

const KEY = `elk_${"a".repeat(43)}`;

/** A database stand-in that answers the key's row after a pause and counts its reads. */
function keysDatabase() {
  const counted = { reads: 0 };
  const row = {
    id: "key-1",
    keyHash: sha256Hex(KEY),
    name: "test",
    keyPrefix: KEY.slice(0, 12),
    tenantId: "tenant-1",
    permissions: ["*"],
    rateLimit: null,
    rateLimitKeyId: null,
    revokedAt: null,
    lastUsedAt: new Date(),
    expiresAt: null,
  };
  const read = {
    select: () => ({
      from: () => ({
        where: async () => {
          counted.reads++;
          await Bun.sleep(5);
          return [row];
        },
      }),
    }),
  };
  const db = {
    primaryRead: read,
    sharedCacheMs: 500,
    transaction: async () => {},
  } as unknown as Database;
  return { db, counted };
}

const quiet = {
  debug() {},
  info() {},
  warn() {},
  error() {},
  child: () => quiet,
  enabled: () => false,
} as Logger;

describe("API key lookups", () => {
  test("requests that find a key's entry missing or expired together read it once", async () => {
    const { db, counted } = keysDatabase();
    const clock = new ManualClock();
    const keys = new KeyStore(db, clock, quiet);
    const first = await Promise.all(Array.from({ length: 20 }, () => keys.authenticate(KEY)));
    expect(first.every((principal) => principal?.keyId === "key-1")).toBe(true);
    expect(counted.reads).toBe(1);

    clock.advance(501);
    const again = await Promise.all(Array.from({ length: 20 }, () => keys.authenticate(KEY)));
    expect(again.every((principal) => principal?.keyId === "key-1")).toBe(true);
    expect(counted.reads).toBe(2);
  });

  test("a key forgotten while it is read is read anew by the requests after", async () => {
    const { db, counted } = keysDatabase();
    const keys = new KeyStore(db, new ManualClock(), quiet);
    const before = keys.authenticate(KEY);
    keys.invalidate("key-1");
    const after = keys.authenticate(KEY);
    await Promise.all([before, after]);
    expect(counted.reads).toBe(2);
  });
});
