import { expect, test } from "bun:test";
import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FileStore } from "../plugins/documents/storage";
import { createLogger } from "../src/logger";
import { startTestServer } from "./helpers/server";

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
    expect(await store.sweepStaged(0, now)).toBe(1); // an embedded database's start: every staged file
    expect([existsSync(stored), existsSync(fresh)]).toEqual([true, false]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("a server starting on a shared database removes only stale staged files (another instance may be uploading); on an embedded one, all", async () => {
  const dir = mkdtempSync(join(tmpdir(), "crmd-sweep-start-"));
  const sha = "cd".padEnd(64, "0");
  const folder = join(dir, "documents", "cd");
  mkdirSync(folder, { recursive: true });
  const uploading = join(folder, `.${sha}.other-instance.tmp`);
  const crashed = join(folder, `.${sha}.crashed.tmp`);
  for (const path of [uploading, crashed]) writeFileSync(path, "x");
  const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
  utimesSync(crashed, twoHoursAgo, twoHoursAgo);
  const lines: string[] = [];
  const server = await startTestServer({
    dir,
    logger: createLogger("info", {}, (line) => lines.push(line)),
  });
  try {
    for (let i = 0; i < 200 && !lines.some((l) => l.includes("staged uploads removed")); i++)
      await Bun.sleep(10);
    const embedded = server.ctx.db.raw !== null;
    expect([existsSync(uploading), existsSync(crashed)]).toEqual([!embedded, false]);
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
