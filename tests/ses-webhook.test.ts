import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { createSign, randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { allowedSnsUrl } from "../plugins/interactions/sns";
import { ConfigError, DEFAULTS, loadConfig } from "../src/config";
import { rawEmail } from "./helpers/mail";
import { type Api, startTestServer } from "./helpers/server";
import { useTestServer } from "./helpers/suite";

const X = "/api/external";
const WEBHOOK = "/api/ses/webhook";
const TOPIC = "arn:aws:sns:eu-west-1:123456789012:crmd-inbound";
const CERT_PATH = "/SimpleNotificationService-0123456789abcdef0123456789abcdef.pem";

/** An RSA key and a self-signed certificate made by openssl, as SNS's signing pair stands in. */
function signingPair(dir: string, name: string) {
  const key = join(dir, `${name}.key`);
  const cert = join(dir, `${name}.pem`);
  const made = Bun.spawnSync([
    "openssl",
    "req",
    "-x509",
    "-newkey",
    "rsa:2048",
    "-nodes",
    "-keyout",
    key,
    "-out",
    cert,
    "-days",
    "2",
    "-subj",
    "/CN=sns.eu-west-1.amazonaws.com",
  ]);
  if (made.exitCode !== 0) throw new Error(`openssl failed: ${made.stderr.toString()}`);
  return { key: readFileSync(key, "utf8"), cert: readFileSync(cert, "utf8") };
}

const dir = mkdtempSync(join(tmpdir(), "crmd-sns-"));
const aws = signingPair(dir, "aws");
const stranger = signingPair(dir, "stranger");

/** SNS's side: the signing certificate, and SubscribeURL answering as SNS's ConfirmSubscription does. */
const certificateFetches: string[] = [];
const confirmations: string[] = [];
const misses: string[] = [];
const sns = Bun.serve({
  port: 0,
  hostname: "127.0.0.1",
  fetch(request) {
    const url = new URL(request.url);
    if (url.pathname === CERT_PATH) {
      certificateFetches.push(request.url);
      return new Response(aws.cert);
    }
    if (url.pathname === "/" && url.searchParams.get("Action") === "ConfirmSubscription") {
      confirmations.push(request.url);
      return new Response("<ConfirmSubscriptionResponse/>", {
        headers: { "content-type": "text/xml" },
      });
    }
    misses.push(request.url);
    return new Response("not found", { status: 404 });
  },
});
const SNS_HOST = `127.0.0.1:${sns.port}`;
const CERT_URL = `http://${SNS_HOST}${CERT_PATH}`;

afterAll(() => {
  sns.stop(true);
  rmSync(dir, { recursive: true, force: true });
});

const server = useTestServer({
  captureLogs: true,
  config: { sesTopicArns: [TOPIC], sesCertHosts: [`http://${SNS_HOST}`] },
});

/** The fields SNS signs per message type, in AWS's documented order. */
const CONFIRMATION = [
  "Message",
  "MessageId",
  "SubscribeURL",
  "Timestamp",
  "Token",
  "TopicArn",
  "Type",
];
const SIGNED: Record<string, string[]> = {
  Notification: ["Message", "MessageId", "Subject", "Timestamp", "TopicArn", "Type"],
  SubscriptionConfirmation: CONFIRMATION,
  UnsubscribeConfirmation: CONFIRMATION,
};

/** An SNS message signed as SNS signs it (SignatureVersion 1: SHA1withRSA, 2: SHA256withRSA). */
function signed(
  fields: Record<string, string>,
  { version = "1", key = aws.key }: { version?: string; key?: string } = {},
) {
  const message: Record<string, string> = {
    MessageId: randomUUID(),
    TopicArn: TOPIC,
    Timestamp: new Date().toISOString(),
    SignatureVersion: version,
    SigningCertURL: CERT_URL,
    ...fields,
  };
  const canonical = SIGNED[message.Type]
    .filter((name) => message[name] !== undefined)
    .map((name) => `${name}\n${message[name]}\n`)
    .join("");
  message.Signature = createSign(version === "1" ? "RSA-SHA1" : "RSA-SHA256")
    .update(canonical)
    .sign(key, "base64");
  return message;
}

/** SES's notification of a received email with an SNS action, as the SNS message's Message. */
function receivedNotification(
  recipients: string[],
  raw: string,
  encoding: "UTF8" | "BASE64" = "UTF8",
) {
  return {
    Type: "Notification",
    Subject: "Amazon SES Email Receipt Notification",
    Message: JSON.stringify({
      notificationType: "Received",
      mail: { source: "ann@customer.test", messageId: randomUUID(), destination: recipients },
      receipt: {
        recipients,
        spamVerdict: { status: "PASS" },
        virusVerdict: { status: "PASS" },
        action: { type: "SNS", topicArn: TOPIC, encoding },
      },
      content: encoding === "BASE64" ? Buffer.from(raw).toString("base64") : raw,
    }),
  };
}

const post = (message: Record<string, unknown>, api: Api = server.anonymous) =>
  api.post(WEBHOOK, JSON.stringify(message), {
    "content-type": "text/plain; charset=UTF-8",
    "x-amz-sns-message-type": String(message.Type),
  });

/** A 403 whose detail says why. */
async function refused(message: Record<string, unknown>, why: RegExp) {
  const reply = await post(message);
  expect(reply.status).toBe(403);
  expect(reply.body.detail).toMatch(why);
}

const emailsOf = async (api: Api) =>
  (await api.get(`${X}/interactions?type=email&page_size=500`)).body.interactions as any[];
const conversationsOf = async (api: Api) =>
  (await api.get(`${X}/conversations?channel=email`)).body.conversations as any[];

let acme: Awaited<ReturnType<typeof server.tenant>>;
let globex: Awaited<ReturnType<typeof server.tenant>>;
let shared: Awaited<ReturnType<typeof server.tenant>>;

beforeAll(async () => {
  acme = await server.tenant();
  globex = await server.tenant();
  shared = await server.tenant();
  const team = async (api: Api, addresses: string[]) =>
    expect((await api.put(`${X}/email/team-addresses`, { addresses })).status).toBe(200);
  await team(acme.api, ["support@acme.test", "@shared.test"]);
  await team(globex.api, ["@globex.test"]);
  await team(shared.api, ["@shared.test"]);
});

describe("SES received email through SNS (POST /api/ses/webhook)", () => {
  const first = rawEmail(
    {
      From: "Ann Lee <ann@customer.test>",
      To: "support@acme.test",
      Subject: "Printer on fire",
      "Message-ID": "<ses-1@customer.test>",
    },
    "It is on fire. Help.",
  );
  const firstNotification = signed(receivedNotification(["support@acme.test"], first));

  test("a signed notification records the email and its conversation for the recipient's tenant only", async () => {
    const reply = await post(firstNotification);
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ outcome: "recorded" });
    const [email] = await emailsOf(acme.api);
    expect(email).toMatchObject({
      direction: "inbound",
      from: "ann@customer.test",
      subject: "Printer on fire",
      message_id: "ses-1@customer.test",
    });
    const [conversation] = await conversationsOf(acme.api);
    expect(conversation).toMatchObject({
      subject: "Printer on fire",
      customer_address: "ann@customer.test",
      customer_id: email.contact_id,
    });
    expect(await emailsOf(globex.api)).toEqual([]);
    expect(await conversationsOf(globex.api)).toEqual([]);
    // The certificate was fetched once, from SigningCertURL.
    expect(certificateFetches).toEqual([CERT_URL]);
  });

  test("SNS's retry of the same message records nothing twice", async () => {
    const reply = await post(firstNotification);
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ outcome: "already_recorded" });
    expect(await emailsOf(acme.api)).toHaveLength(1);
    expect(await conversationsOf(acme.api)).toHaveLength(1);
    // The certificate is kept per URL.
    expect(certificateFetches).toHaveLength(1);
  });

  test("BASE64 content, SignatureVersion 2, a recipient matched by its domain", async () => {
    const raw = rawEmail(
      {
        From: "Bo Chan <bo@customer.test>",
        To: "sales@globex.test",
        Subject: "Quote for 40 seats",
        "Message-ID": "<ses-2@customer.test>",
        "Content-Type": "text/plain; charset=utf-8",
        "Content-Transfer-Encoding": "8bit",
      },
      "Grüße, how much for 40 seats?",
    );
    const message = signed(receivedNotification(["sales@globex.test"], raw, "BASE64"), {
      version: "2",
    });
    const reply = await post(message);
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ outcome: "recorded" });
    const [email] = await emailsOf(globex.api);
    expect(email).toMatchObject({ subject: "Quote for 40 seats", from: "bo@customer.test" });
    expect(email.text.trim()).toBe("Grüße, how much for 40 seats?");
    expect(await conversationsOf(globex.api)).toHaveLength(1);
    expect(await emailsOf(acme.api)).toHaveLength(1);
  });

  test("a wrong signature is 403 and records nothing", async () => {
    const raw = rawEmail(
      { From: "eve@customer.test", To: "support@acme.test", "Message-ID": "<forged@x.test>" },
      "Forged.",
    );
    const bySomeoneElse = signed(receivedNotification(["support@acme.test"], raw), {
      key: stranger.key,
    });
    await refused(bySomeoneElse, /Invalid SNS message signature/);
    // Signed by SNS, then changed: the message no longer matches its signature.
    const genuine = signed(receivedNotification(["support@acme.test"], raw));
    const altered = { ...genuine, Message: genuine.Message.replace("Forged.", "Altered.") };
    await refused(altered, /Invalid SNS message signature/);
    const { Signature: _, ...unsigned } = genuine;
    await refused(unsigned, /not signed/);
    await refused({ ...genuine, SignatureVersion: "3" }, /SignatureVersion/);
    expect(await emailsOf(acme.api)).toHaveLength(1);
  });

  test("a topic not configured is 403, before any certificate is fetched", async () => {
    const raw = rawEmail(
      { From: "eve@customer.test", To: "support@acme.test", "Message-ID": "<topic@x.test>" },
      "From another account.",
    );
    const fetches = certificateFetches.length;
    const other = signed({
      ...receivedNotification(["support@acme.test"], raw),
      TopicArn: "arn:aws:sns:eu-west-1:999999999999:someone-else",
    });
    await refused(other, /topic/);
    expect(certificateFetches).toHaveLength(fetches);
    expect(await emailsOf(acme.api)).toHaveLength(1);
  });

  test("a SigningCertURL on a host not allowed is 403, and is not fetched", async () => {
    const raw = rawEmail(
      { From: "eve@customer.test", To: "support@acme.test", "Message-ID": "<host@x.test>" },
      "Elsewhere.",
    );
    const fetches = certificateFetches.length;
    for (const url of [
      `http://localhost:${sns.port}${CERT_PATH}`, // another host name
      `https://${SNS_HOST}${CERT_PATH}`, // HTTPS, where only plain HTTP is allowed
      `http://${SNS_HOST}.evil.test${CERT_PATH}`,
      "https://sns.eu-west-1.amazonaws.com.evil.test/cert.pem",
    ]) {
      const message = signed({
        ...receivedNotification(["support@acme.test"], raw),
        SigningCertURL: url,
      });
      await refused(message, /SigningCertURL is not on an allowed host/);
    }
    expect(certificateFetches).toHaveLength(fetches);
    expect(await emailsOf(acme.api)).toHaveLength(1);
  });

  test("a certificate that cannot be fetched is 502 (SNS retries), and is tried again next time", async () => {
    const raw = rawEmail(
      { From: "eve@customer.test", To: "support@acme.test", "Message-ID": "<gone@x.test>" },
      "Gone.",
    );
    const missing = `http://${SNS_HOST}/SimpleNotificationService-missing.pem`;
    const message = signed({
      ...receivedNotification(["support@acme.test"], raw),
      SigningCertURL: missing,
    });
    for (let i = 0; i < 2; i++) {
      const reply = await post(message);
      expect(reply.status).toBe(502);
      expect(reply.body.code).toBe("BAD_GATEWAY");
    }
    expect(misses.filter((url) => url === missing)).toHaveLength(2);
    expect(await emailsOf(acme.api)).toHaveLength(1);
  });

  test("a subscription confirmation GETs its SubscribeURL (a forged one does not); an unsubscription is logged", async () => {
    const subscribeUrl = `http://${SNS_HOST}/?Action=ConfirmSubscription&TopicArn=${encodeURIComponent(TOPIC)}&Token=t0k3n`;
    const confirmation = {
      Type: "SubscriptionConfirmation",
      Token: "t0k3n",
      Message: `You have chosen to subscribe to the topic ${TOPIC}.`,
      SubscribeURL: subscribeUrl,
    };
    const forged = signed(confirmation, { key: stranger.key });
    await refused(forged, /Invalid SNS message signature/);
    expect(confirmations).toEqual([]);
    const elsewhere = signed({
      ...confirmation,
      SubscribeURL: subscribeUrl.replace("127.0.0.1", "localhost"),
    });
    await refused(elsewhere, /SubscribeURL is not on an allowed host/);
    expect(confirmations).toEqual([]);

    // SNS refusing the confirmation: 502, so SNS sends it again.
    const refusedUrl = subscribeUrl.replace("ConfirmSubscription", "Refused");
    const notConfirmed = await post(signed({ ...confirmation, SubscribeURL: refusedUrl }));
    expect(notConfirmed.status).toBe(502);

    const reply = await post(signed(confirmation, { version: "2" }));
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ outcome: "subscription_confirmed" });
    expect(confirmations).toEqual([subscribeUrl]);
    expect(server.logs.some((l) => l.msg === "SNS subscription confirmed")).toBe(true);

    const unsubscribed = await post(signed({ ...confirmation, Type: "UnsubscribeConfirmation" }));
    expect(unsubscribed.status).toBe(200);
    expect(unsubscribed.body).toEqual({ outcome: "unsubscribed" });
    expect(confirmations).toHaveLength(1);
  });

  test("an email to no tenant's addresses, or to an address two tenants list alike, is 200 and recorded nowhere", async () => {
    for (const [to, id] of [
      ["info@nobody.test", "nobody"],
      ["help@shared.test", "shared"],
    ]) {
      const raw = rawEmail(
        { From: "cy@customer.test", To: to, "Message-ID": `<${id}@customer.test>` },
        "Anyone?",
      );
      const reply = await post(signed(receivedNotification([to], raw)));
      expect(reply.status).toBe(200);
      expect(reply.body).toEqual({ outcome: "no_tenant" });
    }
    for (const tenant of [acme, globex, shared])
      expect((await emailsOf(tenant.api)).some((e) => e.from === "cy@customer.test")).toBe(false);
    expect(
      server.logs.some((l) => l.level === "warn" && l.msg?.startsWith("SES email to no tenant")),
    ).toBe(true);
  });

  test("a notification without the email (an S3 action) is 200 with a warning", async () => {
    const notification = receivedNotification(["support@acme.test"], "");
    const message = JSON.parse(notification.Message);
    delete message.content;
    message.receipt.action = { type: "S3", bucketName: "mail", objectKey: "abc" };
    const reply = await post(signed({ ...notification, Message: JSON.stringify(message) }));
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ outcome: "no_content" });
    expect(server.logs.some((l) => l.level === "warn" && l.msg?.includes("content"))).toBe(true);
    expect(await emailsOf(acme.api)).toHaveLength(1);
  });

  test("an email SES found a virus in is 200 and not recorded", async () => {
    const raw = rawEmail(
      { From: "dee@customer.test", To: "support@acme.test", "Message-ID": "<virus@customer.test>" },
      "Open the attachment.",
    );
    const notification = receivedNotification(["support@acme.test"], raw);
    const message = JSON.parse(notification.Message);
    message.receipt.virusVerdict = { status: "FAIL" };
    const reply = await post(signed({ ...notification, Message: JSON.stringify(message) }));
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ outcome: "virus" });
    expect(await emailsOf(acme.api)).toHaveLength(1);
  });
});

test("without CRMD_SES_TOPIC_ARNS the route is 404", async () => {
  const bare = await startTestServer({ config: { sesCertHosts: [`http://${SNS_HOST}`] } });
  try {
    const raw = rawEmail({ From: "a@customer.test", To: "support@acme.test" }, "Hi");
    const reply = await post(
      signed(receivedNotification(["support@acme.test"], raw)),
      bare.anonymous,
    );
    expect(reply.status).toBe(404);
  } finally {
    await bare.close();
  }
});

describe("where SNS may be reached (CRMD_SES_CERT_HOSTS)", () => {
  test("by default: HTTPS on sns.<region>.amazonaws.com(.cn) only", () => {
    const hosts = DEFAULTS.sesCertHosts;
    for (const url of [
      "https://sns.eu-west-1.amazonaws.com/SimpleNotificationService-abc.pem",
      "https://sns.cn-north-1.amazonaws.com.cn/SimpleNotificationService-abc.pem",
      "https://sns.us-east-1.amazonaws.com/?Action=ConfirmSubscription&Token=t",
    ])
      expect(allowedSnsUrl(url, hosts)).toBe(true);
    for (const url of [
      "http://sns.eu-west-1.amazonaws.com/SimpleNotificationService-abc.pem",
      "https://sns.eu-west-1.amazonaws.com.evil.test/cert.pem",
      "https://evil.sns.eu-west-1.amazonaws.com/cert.pem",
      "https://sns.a.b.amazonaws.com/cert.pem",
      "https://sns.eu-west-1.amazonaws.com:8443/cert.pem",
      "https://user:pw@sns.eu-west-1.amazonaws.com/cert.pem",
      "file:///etc/passwd",
      "not a url",
    ])
      expect(allowedSnsUrl(url, hosts)).toBe(false);
  });

  test("settings: topic ARNs and hosts are checked at start", () => {
    const config = loadConfig({
      CRMD_SES_TOPIC_ARNS: `${TOPIC}, arn:aws-cn:sns:cn-north-1:123456789012:mail.in`,
      CRMD_SES_CERT_HOSTS: "SNS.*.amazonaws.com, http://127.0.0.1:9000",
    });
    expect(config.sesTopicArns).toEqual([TOPIC, "arn:aws-cn:sns:cn-north-1:123456789012:mail.in"]);
    expect(config.sesCertHosts).toEqual(["sns.*.amazonaws.com", "http://127.0.0.1:9000"]);
    expect(() => loadConfig({ CRMD_SES_TOPIC_ARNS: "crmd-inbound" })).toThrow(ConfigError);
    expect(() => loadConfig({ CRMD_SES_CERT_HOSTS: "https://sns.amazonaws.com" })).toThrow(
      ConfigError,
    );
    expect(() => loadConfig({ CRMD_SES_CERT_HOSTS: "sns.amazonaws.com/path" })).toThrow(
      ConfigError,
    );
  });
});
