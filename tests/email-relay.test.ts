import { beforeAll, describe, expect, test } from "bun:test";
import { created } from "./helpers/api";
import { useMailServer } from "./helpers/mail";
import type { Api } from "./helpers/server";
import { salesPipeline } from "./sales-fixtures";

/** What the relay answers to the next message it takes (a 250 with its own id); undefined: a plain 250. */
let relayAnswer: string | undefined;
/** What the relay answers to the next messages, one each, before relayAnswer. */
let relayAnswers: string[] = [];
/** Recipients the relay defers (452) once: taken on the next attempt, in a transaction of their own. */
const deferOnce = new Set<string>();
const mail = useMailServer({
  answer: () => {
    const text = relayAnswers.shift() ?? relayAnswer;
    return text === undefined ? undefined : { code: 250, message: text };
  },
  rcptAnswer: async (address) =>
    deferOnce.delete(address) ? { code: 452, message: "4.5.3 Too many recipients" } : undefined,
  // A deferred recipient is retried at once: drain() sends both parts.
  config: { sendRetrySchedule: [0] },
});
const { server, sender } = mail;
let api: Api;
let secret: string;
let ann: string;
let deal: string;

const deliver = (raw: string) => mail.deliver(raw, secret);

async function sendThrough(answer: string | undefined, to?: string) {
  relayAnswer = answer;
  const queued = await api.post("/api/external/email/send", {
    ...(to ? { to: [to] } : { contact_id: ann, deal_id: deal }),
    subject: "Your quote",
    text: "Attached",
  });
  expect(queued.status).toBe(202);
  await sender().drain();
  relayAnswer = undefined;
  return (await api.get(`/api/external/interactions/${queued.body.id}`)).body;
}

const reply = (id: string, threading: string) =>
  [
    "From: Ann Lee <ann@globex.test>",
    "To: sales@acme.test",
    "Subject: Re: Your quote",
    `Message-ID: <${id}@mail.globex.test>`,
    threading,
    "Date: Mon, 2 Mar 2026 10:00:00 +0000",
    "",
    "Looks good.",
    "",
  ].join("\r\n");

beforeAll(async () => {
  ({ api } = await server.tenant());
  ann = (
    await created(api, "/contacts", { first_name: "Ann", email: [{ email: "ann@globex.test" }] })
  ).id;
  await salesPipeline(api);
  deal = (await created(api, "/deals", { title: "Quote" })).id;
  secret = (await api.post("/api/external/email/inbound-secret")).body.secret;
});

describe("a relay that replaces the Message-ID", () => {
  const sesId = "0100018e5b0f7a3e-4c7f1a2b-9d2e-4f6a-8b3c-1e2d3f4a5b6c-000000";

  test("Amazon SES's id (250 Ok <bare id>) is kept, and a reply quoting it threads to the email", async () => {
    const email = await sendThrough(`Ok ${sesId}`);
    expect(email).toMatchObject({ status: "sent", provider_id: sesId });
    expect(email.message_id).not.toContain("amazonses");
    const answer = await deliver(
      reply(
        "r1",
        `In-Reply-To: <${sesId}@email.amazonses.com>\r\nReferences: <${sesId}@email.amazonses.com>`,
      ),
    );
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({
      thread_id: email.thread_id,
      deal_id: deal,
      in_reply_to: `${sesId}@email.amazonses.com`,
    });
  });

  test("a bounce returning the header SES wrote (its Message-ID only) finds the email", async () => {
    const id = "0100018e5b0f7a3e-aaaaaaaa-9d2e-4f6a-8b3c-1e2d3f4a5b6c-000000";
    const email = await sendThrough(`Ok ${id}`, "gone@initech.test");
    const bounce = [
      "From: MAILER-DAEMON@email-bounces.amazonses.com",
      "To: sales@acme.test",
      "Subject: Delivery Status Notification (Failure)",
      "Message-ID: <dsn-1@email-bounces.amazonses.com>",
      "MIME-Version: 1.0",
      'Content-Type: multipart/report; report-type=delivery-status; boundary="b1"',
      "",
      "--b1",
      "Content-Type: text/plain; charset=UTF-8",
      "",
      "An error occurred while trying to deliver the mail to the following recipients:",
      "gone@initech.test",
      "--b1",
      "Content-Type: message/delivery-status",
      "",
      "Reporting-MTA: dns; a8-55.smtp-out.amazonses.com",
      "",
      "Final-Recipient: rfc822; gone@initech.test",
      "Action: failed",
      "Status: 5.1.1",
      "Diagnostic-Code: smtp; 550 5.1.1 user unknown",
      "",
      "--b1",
      "Content-Type: text/rfc822-headers",
      "",
      "From: sales@acme.test",
      "To: gone@initech.test",
      "Subject: Your quote",
      `Message-ID: <${id}@eu-west-1.amazonses.com>`,
      "",
      "--b1--",
      "",
    ].join("\r\n");
    const answer = await deliver(bounce);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      id: email.id,
      status: "bounced",
      bounced_recipients: ["gone@initech.test"],
    });
  });

  test("an id in angle brackets (250 Ok <id@host>) is kept; References alone thread the reply", async () => {
    const email = await sendThrough("Ok <a1b2c3@relay.example>");
    expect(email.provider_id).toBe("a1b2c3@relay.example");
    const answer = await deliver(
      reply("r2", "References: <older@elsewhere.test> <a1b2c3@relay.example>"),
    );
    expect(answer.status).toBe(201);
    expect(answer.body.thread_id).toBe(email.thread_id);
  });

  test("crmd's own Message-ID still threads; a queue id (Postfix's answer) is no message id", async () => {
    const email = await sendThrough("2.0.0 Ok: queued as 4Xb2Lq1Z3Jz9v");
    expect(email.provider_id).toBeNull();
    const answer = await deliver(reply("r3", `In-Reply-To: <${email.message_id}>`));
    expect(answer.body.thread_id).toBe(email.thread_id);
  });

  test("another tenant's reply quoting the relay's id does not thread to this tenant's email", async () => {
    const email = await sendThrough("Ok <tenant-bound@relay.example>");
    const other = await server.tenant();
    const otherSecret = (await other.api.post("/api/external/email/inbound-secret")).body.secret;
    const answer = await fetch(`${server.url}/api/external/email/inbound`, {
      method: "POST",
      headers: {
        "content-type": "message/rfc822",
        authorization: `Basic ${Buffer.from(`relay:${otherSecret}`).toString("base64")}`,
      },
      body: reply("r4", "In-Reply-To: <tenant-bound@relay.example>"),
    });
    const body = (await answer.json()) as any;
    expect(answer.status).toBe(201);
    expect(body.thread_id).toBe(body.id);
    expect(body.thread_id).not.toBe(email.thread_id);
  });

  test("an email the relay took in parts: a reply or a bounce quoting a later part's id finds it", async () => {
    deferOnce.add("late@initech.test");
    relayAnswers = ["Ok <part-1@relay.example>", "Ok <part-2@relay.example>"];
    const queued = await api.post("/api/external/email/send", {
      to: ["ann@globex.test", "late@initech.test"],
      subject: "Your quote",
      text: "Attached",
      deal_id: deal,
    });
    expect(queued.status).toBe(202);
    await sender().drain();
    const email = (await api.get(`/api/external/interactions/${queued.body.id}`)).body;
    expect(email).toMatchObject({
      status: "sent",
      attempts: 2,
      provider_id: "part-1@relay.example",
    });
    expect(
      mail
        .smtp()
        .received.filter((r) => r.email.messageId === `<${email.message_id}>`)
        .map((r) => r.rcptTo),
    ).toEqual([["ann@globex.test"], ["late@initech.test"]]);

    const answer = await deliver(reply("r5", "In-Reply-To: <part-2@relay.example>"));
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ thread_id: email.thread_id, deal_id: deal });

    const bounce = [
      "From: MAILER-DAEMON@relay.example",
      "To: sales@acme.test",
      "Subject: Undelivered Mail Returned to Sender",
      "Message-ID: <dsn-2@relay.example>",
      "MIME-Version: 1.0",
      'Content-Type: multipart/report; report-type=delivery-status; boundary="b2"',
      "",
      "--b2",
      "Content-Type: text/plain",
      "",
      "Your message could not be delivered.",
      "--b2",
      "Content-Type: message/delivery-status",
      "",
      "Reporting-MTA: dns; relay.example",
      "",
      "Final-Recipient: rfc822; late@initech.test",
      "Action: failed",
      "Status: 5.1.1",
      "Diagnostic-Code: smtp; 550 5.1.1 user unknown",
      "",
      "--b2",
      "Content-Type: text/rfc822-headers",
      "",
      "From: sales@acme.test",
      "To: ann@globex.test, late@initech.test",
      "Subject: Your quote",
      "Message-ID: <part-2@relay.example>",
      "",
      "--b2--",
      "",
    ].join("\r\n");
    const bounced = await deliver(bounce);
    expect(bounced.status).toBe(200);
    expect(bounced.body).toMatchObject({
      id: email.id,
      status: "sent",
      bounced_recipients: ["late@initech.test"],
    });
  });
});
