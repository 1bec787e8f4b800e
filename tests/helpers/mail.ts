import { afterAll, beforeAll, expect } from "bun:test";
import type { OutboundSender } from "../../plugins/interactions/sender";
import type { Config } from "../../src/config";
import type { Api, TenantClient, TestServer } from "./server";
import { type Answer, type RcptAnswer, startSmtpServer, type TestSmtpServer } from "./smtp";
import { useTestServer } from "./suite";

/** A raw RFC 5322 message, as a relay (or SES) forwards it. */
export function rawEmail(headers: Record<string, string>, text: string): string {
  const lines = Object.entries({ "MIME-Version": "1.0", "Content-Type": "text/plain", ...headers });
  return `${lines.map(([k, v]) => `${k}: ${v}`).join("\r\n")}\r\n\r\n${text}\r\n`;
}

/** A tenant with the inbound secret a relay posts its email with. */
export interface MailTenant extends TenantClient {
  secret: string;
}

export async function mailTenant(server: TestServer): Promise<MailTenant> {
  const made = await server.tenant();
  const rotated = await made.api.post("/api/external/email/inbound-secret");
  expect(rotated.status).toBe(201);
  return { ...made, secret: rotated.body.secret };
}

/** A tenant's conversations matching a list query. */
export const conversationsOf = async (api: Api, query: string) =>
  (await api.get(`/api/external/conversations?${query}`)).body.conversations as any[];
/** A conversation's messages. */
export const messagesOf = async (api: Api, conversationId: string) =>
  (await api.get(`/api/external/messages?conversation_id=${conversationId}`)).body
    .messages as any[];

/**
 * For the whole file: a real SMTP server, a test server that sends through
 * it, and the relay's side of inbound email (a raw message posted with the
 * tenant's inbound secret).
 */
export function useMailServer(
  options: { answer?: Answer; rcptAnswer?: RcptAnswer; config?: Partial<Config> } = {},
) {
  let smtp: TestSmtpServer | undefined;
  let smtpUrl = "";
  beforeAll(async () => {
    smtp = await startSmtpServer(options.answer, undefined, undefined, options.rcptAnswer);
    smtpUrl = smtp.url;
  });
  afterAll(() => smtp?.close());
  const server = useTestServer({
    config: {
      rateLimit: 100_000,
      get smtpUrl() {
        return smtpUrl;
      },
      emailFrom: "sales@acme.test",
      sendMaxPerHour: 1000,
      ...options.config,
    },
  });
  const mail = {
    server,
    smtp: () => smtp as TestSmtpServer,
    sender: () => server.ctx.workers.find((w) => w.name === "outbound-sender") as OutboundSender,
    /** Posts a raw message as the relay does; the body is null when the answer has none (204). */
    deliver: async (raw: string, secret: string) => {
      const reply = await fetch(`${server.url}/api/external/email/inbound`, {
        method: "POST",
        headers: {
          "content-type": "message/rfc822",
          authorization: `Basic ${Buffer.from(`relay:${secret}`).toString("base64")}`,
        },
        body: raw,
      });
      const text = await reply.text();
      return { status: reply.status, body: text ? JSON.parse(text) : null };
    },
  };
  return {
    ...mail,
    /** Relays a message built from `headers` and `text` to `to`; expects it recorded (201). */
    deliverEmail: async (to: { secret: string }, headers: Record<string, string>, text: string) => {
      const reply = await mail.deliver(rawEmail(headers, text), to.secret);
      expect(reply.status).toBe(201);
      return reply.body;
    },
  };
}
