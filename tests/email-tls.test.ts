import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { OutboundSender } from "../plugins/interactions/sender";
import { ConfigError, loadConfig, smtpTlsMode } from "../src/config";
import { startTestServer, type TestServer } from "./helpers/server";
import { type SmtpTls, startSmtpServer, type TestSmtpServer } from "./helpers/smtp";

/**
 * Email over TLS to a real SMTP server (smtp-server) holding a self-signed
 * certificate made for the test: STARTTLS on smtp://, TLS from the first
 * byte on smtps://. crmd trusts the certificate only through
 * CRMD_SMTP_CA_FILE; without it the send is refused by the TLS check.
 */
const dir = mkdtempSync(join(tmpdir(), "crmd-smtp-tls-"));
const keyFile = join(dir, "key.pem");
const certFile = join(dir, "cert.pem");
const openssl = Bun.spawnSync([
  "openssl",
  "req",
  "-x509",
  "-newkey",
  "ec",
  "-pkeyopt",
  "ec_paramgen_curve:prime256v1",
  "-nodes",
  "-keyout",
  keyFile,
  "-out",
  certFile,
  "-days",
  "1",
  "-subj",
  "/CN=127.0.0.1",
  "-addext",
  "subjectAltName=IP:127.0.0.1",
]);
if (!openssl.success) throw new Error(`openssl: ${openssl.stderr.toString()}`);
const certificate = { key: readFileSync(keyFile, "utf8"), cert: readFileSync(certFile, "utf8") };
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A test SMTP server in `mode` and a crmd sending to it (trusting the certificate or not). */
async function setup(mode: SmtpTls["mode"], trust: boolean) {
  const smtp = await startSmtpServer(undefined, undefined, { mode, ...certificate });
  const crmd = await startTestServer({
    config: {
      smtpUrl: smtp.url,
      smtpCaFile: trust ? certFile : undefined,
      emailFrom: "sales@acme.test",
    },
  });
  const { api } = await crmd.tenant();
  return { smtp, crmd, api };
}

const sendOne = (api: TestServer["admin"], subject: string) =>
  api.post("/api/external/email/send", { to: ["ann@globex.test"], subject, text: "hello" });

const sender = (crmd: TestServer) =>
  crmd.ctx.workers.find((w) => w.name === "outbound-sender") as OutboundSender;

describe.each([
  ["STARTTLS (smtp://)", "starttls"],
  ["implicit TLS (smtps://)", "implicit"],
] as const)("%s", (_name, mode) => {
  let smtp: TestSmtpServer;
  let crmd: TestServer;
  let api: TestServer["admin"];
  beforeAll(async () => {
    ({ smtp, crmd, api } = await setup(mode, true));
  });
  afterAll(async () => {
    await crmd.close();
    await smtp.close();
  });

  test("the email goes over TLS to the server whose certificate the CA file vouches for", async () => {
    expect(smtp.url.startsWith(mode === "implicit" ? "smtps://" : "smtp://")).toBe(true);
    const { id, message_id } = (await sendOne(api, "Over TLS")).body;
    await sender(crmd).drain();
    expect(smtp.received.map((r) => [r.email.messageId, r.secure])).toEqual([
      [`<${message_id}>`, true],
    ]);
    expect((await api.get(`/api/external/interactions/${id}`)).body.status).toBe("sent");
  });
});

test.each([
  ["STARTTLS", "starttls"],
  ["implicit TLS", "implicit"],
] as const)(
  "%s to a certificate no trusted authority signed: nothing is sent, the send waits for a retry",
  async (_name, mode) => {
    const { smtp, crmd, api } = await setup(mode, false);
    try {
      const { id } = (await sendOne(api, "Untrusted")).body;
      await sender(crmd).drain();
      expect(smtp.received).toEqual([]);
      const waiting = (await api.get(`/api/external/interactions/${id}`)).body;
      expect(waiting).toMatchObject({ status: "queued", attempts: 1 });
      expect(waiting.provider_response).toMatch(/certificate/i);
    } finally {
      await crmd.close();
      await smtp.close();
    }
  },
);

test("CRMD_SMTP_CA_FILE naming no file stops the start with a clear error", () => {
  const missing = join(dir, "missing.pem");
  expect(() => loadConfig({ CRMD_SMTP_CA_FILE: missing })).toThrow(
    new ConfigError(`CRMD_SMTP_CA_FILE: no file at ${missing}`),
  );
  expect(loadConfig({ CRMD_SMTP_CA_FILE: certFile }).smtpCaFile).toBe(certFile);
});

describe("STARTTLS policy (CRMD_SMTP_TLS)", () => {
  /** A plain server (no STARTTLS, AUTH taken in clear) and a crmd sending to it with `smtpTls`. */
  async function plain(smtpTls: "required" | "opportunistic" | "off" | undefined) {
    const smtp = await startSmtpServer();
    const crmd = await startTestServer({
      captureLogs: true,
      config: { smtpUrl: smtp.url, smtpTls, emailFrom: "sales@acme.test" },
    });
    return { smtp, crmd, api: (await crmd.tenant()).api };
  }

  test("required, to a server without STARTTLS: no AUTH and no mail in clear; the email waits for its retry, with a warning", async () => {
    const { smtp, crmd, api } = await plain("required");
    try {
      const { id } = (await sendOne(api, "Not in clear")).body;
      await sender(crmd).drain();
      expect(smtp.auths).toEqual([]);
      expect(smtp.attempts).toEqual([]);
      const waiting = (await api.get(`/api/external/interactions/${id}`)).body;
      expect(waiting).toMatchObject({ status: "queued", attempts: 1 });
      expect(crmd.logs).toContainEqual(
        expect.objectContaining({
          level: "warn",
          msg: expect.stringContaining("offers no STARTTLS"),
          interaction_id: id,
        }),
      );
      expect(JSON.stringify(crmd.logs)).not.toContain("smtp-secret");
    } finally {
      await crmd.close();
      await smtp.close();
    }
  });

  test.each([
    ["opportunistic", "opportunistic" as const],
    ["unset, for a loopback host", undefined],
  ])(
    "%s, to a server without STARTTLS: plaintext AUTH and the email is sent",
    async (_name, smtpTls) => {
      const { smtp, crmd, api } = await plain(smtpTls);
      try {
        const { id } = (await sendOne(api, "Allowed in clear")).body;
        await sender(crmd).drain();
        expect(smtp.auths).toEqual([{ username: "crm", secure: false }]);
        expect((await api.get(`/api/external/interactions/${id}`)).body.status).toBe("sent");
      } finally {
        await crmd.close();
        await smtp.close();
      }
    },
  );

  test("off: no STARTTLS even where the server offers it", async () => {
    const smtp = await startSmtpServer(undefined, undefined, { mode: "starttls", ...certificate });
    const crmd = await startTestServer({
      config: {
        smtpUrl: smtp.url,
        smtpTls: "off",
        smtpCaFile: certFile,
        emailFrom: "sales@acme.test",
      },
    });
    try {
      const { api } = await crmd.tenant();
      const { id } = (await sendOne(api, "Never upgraded")).body;
      await sender(crmd).drain();
      // The certificate is trusted, so only never asking for STARTTLS leaves the session in
      // clear, where this server refuses AUTH: the email waits.
      expect(smtp.received).toEqual([]);
      const waiting = (await api.get(`/api/external/interactions/${id}`)).body;
      expect(waiting.status).toBe("queued");
      expect(waiting.provider_response).toMatch(/STARTTLS/);
    } finally {
      await crmd.close();
      await smtp.close();
    }
  });
});

test("CRMD_SMTP_TLS: required by default for credentials to a host beyond this machine; checked", () => {
  const at = (url: string, setting?: string) =>
    loadConfig({ CRMD_SMTP_URL: url, ...(setting ? { CRMD_SMTP_TLS: setting } : {}) });
  expect(smtpTlsMode(at("smtp://u:p@mail.example.com:587").smtpUrl as string, undefined)).toBe(
    "required",
  );
  for (const url of [
    "smtp://u:p@127.0.0.1:25",
    "smtp://u:p@localhost:25",
    "smtp://u:p@[::1]:25",
    "smtp://mail.example.com:25",
  ])
    expect(smtpTlsMode(url, undefined)).toBe("opportunistic");
  expect(at("smtp://u:p@mail.example.com", "opportunistic").smtpTls).toBe("opportunistic");
  expect(smtpTlsMode("smtp://u:p@mail.example.com", "off")).toBe("off");
  expect(() => at("smtp://u:p@mail.example.com", "yes")).toThrow(
    new ConfigError('CRMD_SMTP_TLS must be required, opportunistic or off, got "yes"'),
  );
});
