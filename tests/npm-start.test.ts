import { afterAll, expect } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { testOnce } from "./helpers/database";
import { spawnCrmd } from "./helpers/server";

const dir = mkdtempSync(join(tmpdir(), "crmd-npm-start-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Connecting fails once nothing listens on the port any more. */
async function serving(url: string): Promise<boolean> {
  try {
    await fetch(`${url}/healthz`);
    return true;
  } catch {
    return false;
  }
}

for (const signal of ["SIGTERM", "SIGINT"] as const)
  testOnce(`\`npm start\` stops serving on ${signal}`, async () => {
    const crmd = await spawnCrmd(dir, `admin-${crypto.randomUUID()}`, {}, ["npm", "start"]);
    expect(await serving(crmd.url)).toBe(true);
    crmd.child.kill(signal);
    await crmd.child.exited;
    expect(await serving(crmd.url)).toBe(false);
  });

for (const script of ["start", "dev"])
  testOnce(`\`npm run ${script}\` reads request headers up to 64 KiB`, async () => {
    const crmd = await spawnCrmd(dir, `admin-${crypto.randomUUID()}`, {}, ["npm", "run", script]);
    try {
      const reply = await fetch(`${crmd.url}/healthz`, {
        headers: { "x-padding": "a".repeat(30_000) },
      });
      expect(reply.status).toBe(200);
    } finally {
      crmd.child.kill("SIGTERM");
      await crmd.child.exited;
    }
    expect(await serving(crmd.url)).toBe(false);
  });
