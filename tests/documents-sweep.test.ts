import { expect, test } from "bun:test";
import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FileStore } from "../plugins/documents/storage";

test("the hourly sweep removes staged files older than its age and keeps the rest", async () => {
  const root = mkdtempSync(join(tmpdir(), "crmd-sweep-"));
  try {
    const sha = "ab".padEnd(64, "0");
    mkdirSync(join(root, "ab"));
    const stored = join(root, "ab", sha);
    const fresh = join(root, "ab", `.${sha}.fresh.tmp`);
    const stale = join(root, "ab", `.${sha}.stale.tmp`);
    for (const path of [stored, fresh, stale]) writeFileSync(path, "x");
    const now = Date.now();
    const twoHoursAgo = new Date(now - 2 * 60 * 60 * 1000);
    utimesSync(stale, twoHoursAgo, twoHoursAgo);
    const store = new FileStore(root);
    expect(await store.sweepStaged(60 * 60 * 1000, now)).toBe(1);
    expect([existsSync(stored), existsSync(fresh), existsSync(stale)]).toEqual([true, true, false]);
    expect(await store.sweepStaged(0, now)).toBe(1); // at start: every staged file
    expect([existsSync(stored), existsSync(fresh)]).toEqual([true, false]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
