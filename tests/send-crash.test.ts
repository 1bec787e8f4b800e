import { afterAll, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type CrmdProcess, startCrmdProcess } from "./helpers/process";
import { Api } from "./helpers/server";
import { startSmtpServer } from "./helpers/smtp";
import { startTwilio } from "./helpers/twilio";

/**
 * crmd killed with SIGKILL while a provider (a real SMTP server, a fake
 * Twilio) holds its answer to the first message and the rest are queued:
 * after a restart every queued message goes out, and only the one in
 * flight at the kill goes out twice (at least once, never lost).
 */
const dir = mkdtempSync(join(tmpdir(), "crmd-send-crash-"));
const adminToken = `admin-${crypto.randomUUID()}`;
const started: CrmdProcess[] = [];

afterAll(() => {
  for (const { child } of started) child.kill(9);
  rmSync(dir, { recursive: true, force: true });
});

/** crmd on a database of the test's own, sending through the channel `env` configures. */
async function crmd(name: string, env: Record<string, string>): Promise<CrmdProcess> {
  const process = await startCrmdProcess({
    CRMD_DATABASE_URL: `file:${join(dir, `${name}.db`)}`,
    CRMD_DATA_DIR: join(dir, name),
    CRMD_ADMIN_TOKEN: adminToken,
    // A short timeout makes the dead process's leases short (four timeouts and a second).
    CRMD_SEND_TIMEOUT_MS: "1000",
    ...env,
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

/**
 * The provider's hook and the test's plan: the provider receives the first
 * message and holds its answer until the test has queued the rest; then
 * crmd dies. That message is delivered but crmd never learns it, and the
 * rest are queued but unsent.
 */
function killAfterFirst() {
  let victim: CrmdProcess | undefined;
  let allQueued: () => void = () => {};
  const queuedAll = new Promise<void>((resolve) => {
    allQueued = resolve;
  });
  return {
    target: (process: CrmdProcess) => {
      victim = process;
    },
    allQueued: () => allQueued(),
    async hold() {
      if (!victim || victim.child.killed) return;
      await queuedAll;
      victim.child.kill(9);
      await victim.child.exited;
    },
  };
}

interface Queued {
  id: string;
  status: string;
  message_id: string;
  to: string[];
  text: string;
}

/**
 * Queues ten messages of `type` on a crmd that `plan` kills once the first
 * has reached the provider (`delivered` counts what it received), starts
 * crmd again and waits until every one is sent; returns them.
 */
async function queueAcrossKill(
  type: "email" | "sms",
  plan: ReturnType<typeof killAfterFirst>,
  env: Record<string, string>,
  delivered: () => number,
  body: (i: number) => Record<string, unknown>,
) {
  const first = await crmd(type, env);
  plan.target(first);
  const admin = new Api(first.url, { authorization: `Bearer ${adminToken}` });
  const tenant = await admin.post("/api/external/tenants", { name: "crash" });
  const key = await admin.post(`/api/external/api-keys?tenant_id=${tenant.body.id}`, {
    name: "k",
    permissions: [`${type}:send`, "interactions:read"],
    rate_limit: 1_000_000, // the test polls the list until the lease of the dead process expires
  });
  const queued: Queued[] = [];
  let api = new Api(first.url, { "x-api-key": key.body.key });
  const queue = async (i: number) => {
    const reply = await api.post(`/api/external/${type}/send`, body(i));
    expect(reply.status).toBe(202);
    queued.push(reply.body);
  };
  await queue(0);
  await waitUntil(() => delivered() > 0, "the first message to reach the provider");
  for (let i = 1; i < 10; i++) await queue(i);
  plan.allQueued();
  await first.child.exited;
  expect(delivered()).toBe(1);

  const second = await crmd(type, env);
  api = new Api(second.url, { "x-api-key": key.body.key });
  const list = async () =>
    (await api.get(`/api/external/interactions?type=${type}&page_size=500`)).body
      .interactions as Queued[];
  // Every message committed, including one whose 202 the kill cut off.
  const committed = await list();
  for (const { id } of queued) expect(committed.map((m) => m.id)).toContain(id);
  await waitUntil(
    async () => (await list()).every((m) => m.status === "sent"),
    `every queued ${type} to be sent`,
  );
  second.child.kill("SIGTERM");
  await second.child.exited;
  return committed;
}

test("email: every queued email arrives; the one in flight at the kill again, same Message-ID", async () => {
  const plan = killAfterFirst();
  const smtp = await startSmtpServer(undefined, () => plan.hold());
  try {
    const committed = await queueAcrossKill(
      "email",
      plan,
      { CRMD_SMTP_URL: smtp.url, CRMD_EMAIL_FROM: "sales@acme.test" },
      () => smtp.received.length,
      (i) => ({ to: [`p${i}@x.test`], subject: `n${i}`, text: "x" }),
    );
    const received = smtp.received.map((r) => r.email.messageId);
    const wanted = committed.map((e) => `<${e.message_id}>`);
    // None lost, nothing else sent, and the one in flight at the kill sent again, same Message-ID.
    expect(new Set(received)).toEqual(new Set(wanted));
    expect(received.length).toBe(wanted.length + 1);
    expect(received.filter((id) => id === received[0])).toHaveLength(2);
  } finally {
    await smtp.close();
  }
}, 60_000);

test("SMS: every queued SMS reaches the provider; only the one in flight at the kill twice", async () => {
  const plan = killAfterFirst();
  const twilio = startTwilio(() => plan.hold());
  try {
    const sid = "AC00000000000000000000000000000001";
    const committed = await queueAcrossKill(
      "sms",
      plan,
      {
        CRMD_SMS_PROVIDER: "twilio",
        CRMD_TWILIO_ACCOUNT_SID: sid,
        CRMD_TWILIO_AUTH_TOKEN: "twilio-auth-token",
        CRMD_TWILIO_API_URL: twilio.url,
        CRMD_SMS_FROM: "+14155550100",
      },
      () => twilio.requests.length,
      (i) => ({ to: `+1415555${String(110 + i).padStart(4, "0")}`, body: `n${i}` }),
    );
    const received = twilio.requests.map((r) => `${r.form.To} ${r.form.Body}`);
    const wanted = committed.map((m) => `${m.to[0]} ${m.text}`);
    expect(new Set(received)).toEqual(new Set(wanted));
    expect(received.length).toBe(wanted.length + 1);
    expect(received.filter((r) => r === received[0])).toHaveLength(2);
  } finally {
    twilio.stop();
  }
}, 60_000);
