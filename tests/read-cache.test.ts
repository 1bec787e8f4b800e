import { expect, test } from "bun:test";
import type { Database } from "../db/client";
import { ReadCache } from "../src/read-cache";

/** Just what ReadCache reads of a database: its data_version. */
const fakeDb = (version: { value: number }) =>
  ({ changeVersion: () => version.value }) as unknown as Database;

test("callers asking for the same value while it is computed share one computation", async () => {
  const cache = new ReadCache();
  const db = fakeDb({ value: 1 });
  let computed = 0;
  const compute = async () => {
    computed++;
    await Bun.sleep(10);
    return 42;
  };
  const answers = await Promise.all(Array.from({ length: 5 }, () => cache.get(db, "k", compute)));
  expect(answers).toEqual([42, 42, 42, 42, 42]);
  expect(computed).toBe(1);
  // Cached afterwards, until the database changes.
  expect(await cache.get(db, "k", compute)).toBe(42);
  expect(computed).toBe(1);
});

test("a value computed while the database changed is not kept; a failure is not shared later", async () => {
  const cache = new ReadCache();
  const version = { value: 1 };
  const db = fakeDb(version);
  let computed = 0;
  const slow = cache.get(db, "k", async () => {
    computed++;
    await Bun.sleep(10);
    return "old";
  });
  version.value = 2;
  expect(await cache.get(db, "k", async () => `new ${++computed}`)).toBe("new 2");
  expect(await slow).toBe("old");
  expect(await cache.get(db, "k", async () => `again ${++computed}`)).toBe("new 2");

  await expect(
    cache.get(db, "fails", async () => {
      throw new Error("boom");
    }),
  ).rejects.toThrow("boom");
  expect(await cache.get(db, "fails", async () => "recovered")).toBe("recovered");
});
