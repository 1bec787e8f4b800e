import { afterAll, expect, test } from "bun:test";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Api, type CrmdProcess, spawnCrmd } from "../helpers/server";

/**
 * crmd killed with SIGKILL (no shutdown at all) and started again on the
 * same data: an Idempotency-Key retry replays the committed write, never
 * a duplicate, and staged upload files are swept.
 */
const dir = mkdtempSync(join(tmpdir(), "crmd-crash-"));
const adminToken = `admin-${crypto.randomUUID()}`;
let crmd: CrmdProcess = await spawnCrmd(dir, adminToken);
afterAll(async () => {
  crmd.child.kill("SIGTERM");
  await crmd.child.exited;
  rmSync(dir, { recursive: true, force: true });
});

async function restart(signal: "SIGKILL" | "SIGTERM" = "SIGKILL") {
  crmd.child.kill(signal);
  await crmd.child.exited;
  crmd = await spawnCrmd(dir, adminToken);
}

const admin = () => new Api(crmd.url, { authorization: `Bearer ${adminToken}` });
const tenant = (await admin().post("/api/external/tenants", { name: "crash" })).body;
const key = (
  await admin().post(`/api/external/api-keys?tenant_id=${tenant.id}`, {
    name: "crash",
    permissions: ["*"],
    rate_limit: 1_000_000,
  })
).body.key as string;
const api = () => new Api(crmd.url, { "x-api-key": key });
await api().post("/api/external/pipelines", {
  name: "Sales",
  pipeline_type: "sales",
  is_default: true,
  stages: [{ name: "Open" }, { name: "Won", kind: "won" }, { name: "Lost", kind: "lost" }],
});

test("a retry after kill -9 replays the committed write, never a duplicate", async () => {
  const writes: Array<[string, Record<string, unknown>]> = [
    ["/api/external/deals", { title: "crash deal" }],
    ["/api/external/tasks", { title: "crash task" }],
  ];
  for (const [path, body] of writes)
    for (let round = 0; round < 3; round++) {
      const headers = { "idempotency-key": `${path}-${round}` };
      const first = await api().post(path, { ...body, title: `${body.title} ${round}` }, headers);
      expect(first.status).toBe(201);
      await restart();
      const retry = await api().post(path, { ...body, title: `${body.title} ${round}` }, headers);
      expect([retry.status, retry.headers.get("idempotent-replayed")]).toEqual([201, "true"]);
      expect(retry.body.id).toBe(first.body.id);
    }
  for (const [path, body] of writes) {
    const titles = (await api().get(`${path}?page_size=500`)).body[
      path.split("/").pop() as string
    ].map((row: { title: string }) => row.title);
    expect(titles.sort()).toEqual([0, 1, 2].map((round) => `${body.title} ${round}`));
  }
}, 30_000); // six process starts: seconds on a loaded machine

/** Writes sent in flight: by an API key (a deal) and by the admin token (a tenant). */
const inFlightWrites = [
  { name: "deals", client: api, field: "title", query: "?page_size=500" },
  { name: "tenants", client: admin, field: "name", query: "" },
] as const;

test.each(
  [1, 2, 3].flatMap((round) => inFlightWrites.map((write) => [write.name, round, write] as const)),
)(
  "%s in flight when killed leave at most one record per key; retries never duplicate (round %d)",
  async (name, round, { client, field, query }) => {
    const path = `/api/external/${name}`;
    const keys = Array.from({ length: 16 }, (_, i) => `inflight-${name}-${round}-${i}`);
    const send = () =>
      keys.map((k) =>
        client()
          .post(path, { [field]: k }, { "idempotency-key": k })
          .catch(() => null),
      );
    const inFlight = send();
    await Promise.race(inFlight);
    await restart();
    await Promise.all(inFlight);
    const retries = await Promise.all(send());
    const listed = (await client().get(`${path}${query}`)).body[name];
    for (const [i, k] of keys.entries()) {
      const stored = listed.filter((row: Record<string, string>) => row[field] === k);
      const retry = retries[i];
      // 409: the claim committed but the write did not; it runs again once the claim expires.
      expect([k, retry?.status === 409 ? 0 : 1]).toEqual([k, stored.length]);
      if (retry?.status === 201) expect(retry.body.id).toBe(stored[0].id);
    }
  },
);

test("staged upload files left by a kill are swept at start", async () => {
  const documents = join(dir, "documents");
  const upload = () => {
    const form = new FormData();
    form.set(
      "file",
      new File([crypto.getRandomValues(new Uint8Array(4 * 1024 * 1024))], "big.bin"),
    );
    return api()
      .request("POST", "/api/external/documents", form)
      .catch(() => null);
  };
  const uploads = [upload(), upload(), upload()];
  await Bun.sleep(5); // some of them mid-upload
  crmd.child.kill("SIGKILL");
  await crmd.child.exited;
  await Promise.all(uploads);
  // Whatever the kill interrupted, an orphan is certainly there: one planted as a crash leaves it.
  mkdirSync(join(documents, "ab"), { recursive: true });
  writeFileSync(join(documents, "ab", `.ab${"0".repeat(62)}.orphan.tmp`), "partial");
  crmd = await spawnCrmd(dir, adminToken);
  const staged = () =>
    existsSync(documents)
      ? readdirSync(documents, { recursive: true }).filter((f) => String(f).endsWith(".tmp"))
      : [];
  for (let i = 0; i < 100 && staged().length; i++) await Bun.sleep(20);
  expect(staged()).toEqual([]);
});
