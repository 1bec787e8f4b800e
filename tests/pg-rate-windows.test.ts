/**
 * Shared rate-limit windows on PostgreSQL (db/pg/windows.ts): requests of one
 * key in flight together are counted by one upsert, each still getting its
 * own place in the window. Runs in the PostgreSQL run.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { SharedWindows } from "../db/client";
import { type Database, openDatabase } from "../db/client";
import { testDatabase, testPostgresUrl } from "./helpers/database";

const places = async (windows: SharedWindows, key: string, start: number, n: number) =>
  (await Promise.all(Array.from({ length: n }, () => windows.hit(key, start))))
    .map((hit) => {
      expect(hit.windowStart).toBe(start);
      return hit.count;
    })
    .sort((x, y) => x - y);

const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe.skipIf(!testPostgresUrl)("shared rate-limit windows on PostgreSQL", () => {
  // Made when the tests run: a skipped describe runs no afterAll to remove it.
  let dir = "";
  let database: { url: string; drop(): Promise<void> };
  let one: Database;
  let two: Database;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "crmd-windows-"));
    database = await testDatabase(dir);
    one = await openDatabase(database.url);
    two = await openDatabase(database.url);
  });

  afterAll(async () => {
    await one?.close();
    await two?.close();
    await database?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  test("a burst on two instances gets every place of the window once; a new window counts from 1", async () => {
    const a = one.sharedWindows as SharedWindows;
    const b = two.sharedWindows as SharedWindows;
    const [first, second] = await Promise.all([
      places(a, "key-1", 60_000, 60),
      places(b, "key-1", 60_000, 40),
    ]);
    expect([...first, ...second].sort((x, y) => x - y)).toEqual(range(1, 100));
    expect(await places(a, "key-1", 60_000, 5)).toEqual(range(101, 105));
    // Another key has its own count; the next window starts again.
    expect(await places(b, "key-2", 60_000, 3)).toEqual(range(1, 3));
    expect(await places(a, "key-1", 120_000, 7)).toEqual(range(1, 7));
    // An instance whose clock lags counts into the window the others opened.
    const late = await a.hit("key-1", 60_000);
    expect(late).toEqual({ count: 8, windowStart: 120_000 });
  });
});
