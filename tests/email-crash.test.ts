import { afterAll, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type CrmdProcess, startCrmdProcess } from "./helpers/process";
import { Api } from "./helpers/server";
import { startSmtpServer } from "./helpers/smtp";

const dir = mkdtempSync(join(tmpdir(), "crmd-email-crash-"));
const adminToken = `admin-${crypto.randomUUID()}`;
const started: CrmdProcess[] = [];

afterAll(() => {
  for (const { child } of started) child.kill(9);
  rmSync(dir, { recursive: true, force: true });
});

async function crmd(smtpUrl: string): Promise<CrmdProcess> {
  const process = await startCrmdProcess({
    CRMD_DATABASE_URL: `file:${join(dir, "crmd.db")}`,
    CRMD_DATA_DIR: dir,
    CRMD_ADMIN_TOKEN: adminToken,
    CRMD_SMTP_URL: smtpUrl,
    CRMD_EMAIL_FROM: "sales@acme.test",
    // A short timeout makes the dead process's leases short.
    CRMD_SEND_TIMEOUT_MS: "300",
  });
  started.push(process);
  return process;
}

async function waitUntil(condition: () => Promise<boolean> | boolean, what: string) {
  const deadline = Date.now() + 30_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await Bun.sleep(20);
  }
}

test("kill -9 between queueing and sending: every email arrives, re-sent ones keep their Message-ID", async () => {
  let first: CrmdProcess | undefined;
  let allQueued: () => void = () => {};
  const queuedAll = new Promise<void>((resolve) => {
    allQueued = resolve;
  });
  // The server receives the first message and holds its answer until the
  // test has queued the rest; then crmd dies: that message is delivered but
  // crmd never learns it, and the rest are queued but unsent.
  const smtp = await startSmtpServer(undefined, async () => {
    if (!first || first.child.killed) return;
    await queuedAll;
    first.child.kill(9);
    await first.child.exited;
  });
  try {
    first = await crmd(smtp.url);
    const admin = new Api(first.url, { authorization: `Bearer ${adminToken}` });
    const tenant = await admin.post("/api/external/tenants", { name: "crash" });
    const key = await admin.post(`/api/external/api-keys?tenant_id=${tenant.body.id}`, {
      name: "k",
      permissions: ["email:send", "interactions:read"],
    });
    const queued: Array<{ id: string; message_id: string }> = [];
    let api = new Api(first.url, { "x-api-key": key.body.key });
    const queue = async (i: number) => {
      const reply = await api.post("/api/external/email/send", {
        to: [`p${i}@x.test`],
        subject: `n${i}`,
        text: "x",
      });
      expect(reply.status).toBe(202);
      queued.push(reply.body);
    };
    await queue(0);
    await waitUntil(() => smtp.received.length > 0, "the first message to reach the server");
    for (let i = 1; i < 10; i++) await queue(i);
    allQueued();
    await first.child.exited;
    expect(smtp.received.length).toBe(1);

    const second = await crmd(smtp.url);
    api = new Api(second.url, { "x-api-key": key.body.key });
    // Every email committed, including one whose 202 the kill cut off.
    const emails = async () =>
      (await api.get("/api/external/interactions?type=email&page_size=500")).body
        .interactions as Array<{
        id: string;
        message_id: string;
        status: string;
      }>;
    const committed = await emails();
    for (const { id } of queued) expect(committed.map((e) => e.id)).toContain(id);
    await waitUntil(
      async () => (await emails()).every((e) => e.status === "sent"),
      "every queued email to be sent",
    );
    const received = smtp.received.map((r) => r.email.messageId);
    const wanted = committed.map((e) => `<${e.message_id}>`);
    // None lost, nothing else sent, and the one in flight at the kill sent again, same Message-ID.
    expect(new Set(received)).toEqual(new Set(wanted));
    expect(received.length).toBe(wanted.length + 1);
    expect(received.filter((id) => id === received[0])).toHaveLength(2);
    second.child.kill("SIGTERM");
    await second.child.exited;
  } finally {
    await smtp.close();
  }
}, 60_000);
