import { afterAll, beforeAll } from "bun:test";
import type { OutboundSender } from "../../plugins/interactions/sender";
import type { Config } from "../../src/config";
import { type Answer, type RcptAnswer, startSmtpServer, type TestSmtpServer } from "./smtp";
import { useTestServer } from "./suite";

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
  return {
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
}
