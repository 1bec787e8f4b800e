import { beforeAll, describe, expect, test } from "bun:test";
import { created } from "./helpers/api";
import { useMailServer } from "./helpers/mail";
import { eventsFor } from "./helpers/records";
import type { Api } from "./helpers/server";

const mail = useMailServer({ config: { emailFrom: "Acme Sales <sales@acme.test>" } });
const { server, sender } = mail;
let api: Api;
let secret: string;

const deliver = (raw: string) => mail.deliver(raw, secret);

/** Sends an email through the SMTP server and returns it with the raw message the server received. */
async function sendAndDeliver(body: Record<string, unknown>) {
  const queued = await api.post("/api/external/email/send", body);
  expect(queued.status).toBe(202);
  await sender().drain();
  const received = mail
    .smtp()
    .received.find((r) => r.email.messageId === `<${queued.body.message_id}>`);
  expect(received).toBeDefined();
  return { email: queued.body, raw: received?.raw as string };
}

/**
 * A bounce as Postfix writes it (RFC 3464): a human-readable part, the
 * delivery-status part (per-message fields, then one group per recipient)
 * and the returned message, whole or (`headersOnly`) its header alone.
 */
function postfixBounce(
  original: string,
  recipients: { address: string; action: string; status: string; diagnostic: string }[],
  headersOnly = false,
) {
  const returned = headersOnly ? original.slice(0, original.search(/\r?\n\r?\n/)) : original;
  const groups = recipients
    .map(
      (r) =>
        `Final-Recipient: rfc822; ${r.address}\r\nOriginal-Recipient: rfc822;${r.address}\r\nAction: ${r.action}\r\nStatus: ${r.status}\r\nRemote-MTA: dns; mx.globex.test\r\nDiagnostic-Code: smtp; ${r.diagnostic}`,
    )
    .join("\r\n\r\n");
  return [
    "Return-Path: <>",
    "Received: by mx.acme.test (Postfix) id 4Xb2Lq1Z3Jz9v; Mon,  2 Mar 2026 09:00:05 +0000 (UTC)",
    "Date: Mon,  2 Mar 2026 09:00:05 +0000 (UTC)",
    "From: MAILER-DAEMON@mx.acme.test (Mail Delivery System)",
    "Subject: Undelivered Mail Returned to Sender",
    "To: sales@acme.test",
    "Auto-Submitted: auto-replied",
    "MIME-Version: 1.0",
    'Content-Type: multipart/report; report-type=delivery-status;\r\n\tboundary="4Xb2Lq1Z3Jz9v.1772442005/mx.acme.test"',
    "Content-Transfer-Encoding: 8bit",
    `Message-Id: <20260302090005.4Xb2Lq1Z3Jz9v.${Math.random().toString(36).slice(2)}@mx.acme.test>`,
    "",
    "This is a MIME-encapsulated message.",
    "",
    "--4Xb2Lq1Z3Jz9v.1772442005/mx.acme.test",
    "Content-Description: Notification",
    "Content-Type: text/plain; charset=us-ascii",
    "",
    "This is the mail system at host mx.acme.test.",
    "",
    "I'm sorry to have to inform you that your message could not",
    "be delivered to one or more recipients. It's attached below.",
    "",
    "--4Xb2Lq1Z3Jz9v.1772442005/mx.acme.test",
    "Content-Description: Delivery report",
    "Content-Type: message/delivery-status",
    "",
    "Reporting-MTA: dns; mx.acme.test",
    "X-Postfix-Queue-ID: 4Xb2Lq1Z3Jz9v",
    "X-Postfix-Sender: rfc822; sales@acme.test",
    "Arrival-Date: Mon,  2 Mar 2026 09:00:01 +0000 (UTC)",
    "",
    groups,
    "",
    "--4Xb2Lq1Z3Jz9v.1772442005/mx.acme.test",
    `Content-Description: Undelivered ${headersOnly ? "Message Headers" : "Message"}`,
    `Content-Type: ${headersOnly ? "text/rfc822-headers" : "message/rfc822"}`,
    "Content-Transfer-Encoding: 8bit",
    "",
    returned,
    "",
    "--4Xb2Lq1Z3Jz9v.1772442005/mx.acme.test--",
    "",
  ].join("\r\n");
}

const unknownUser = (address: string) => ({
  address,
  action: "failed",
  status: "5.1.1",
  diagnostic: `550 5.1.1 <${address}>: Recipient address rejected: User unknown in virtual mailbox table`,
});

const contactsWithEmail = async (address: string) =>
  (await api.get(`/api/external/contacts?email=${encodeURIComponent(address)}`)).body.total;

beforeAll(async () => {
  ({ api } = await server.tenant());
  const rotated = await api.post("/api/external/email/inbound-secret");
  expect(rotated.status).toBe(201);
  secret = rotated.body.secret;
});

describe("bounces (delivery status notifications)", () => {
  test("a bounce marks the recipient bounced, suppresses the address, emits email.bounced; no contact", async () => {
    const gone = (
      await created(api, "/contacts", {
        first_name: "Gone",
        email: [{ email: "gone@globex.test" }],
      })
    ).id;
    const { email, raw } = await sendAndDeliver({
      contact_id: gone,
      cc: ["boss@globex.test"],
      subject: "Your quote",
      text: "Attached",
    });
    const before = await eventsFor(server, email.id);

    const reply = await deliver(postfixBounce(raw, [unknownUser("gone@globex.test")]));
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      id: email.id,
      direction: "outbound",
      status: "sent", // the Cc still got it
      bounced_recipients: ["gone@globex.test"],
    });
    expect(reply.body.provider_response).toContain("User unknown");
    expect(await contactsWithEmail("mailer-daemon@mx.acme.test")).toBe(0);
    const inbound = await api.get("/api/external/interactions?type=email");
    expect(inbound.body.interactions.filter((i: any) => i.direction === "inbound").length).toBe(0);
    const events = (await eventsFor(server, email.id)).slice(before.length);
    expect(events.map((e) => e.event_type)).toEqual(["email.bounced"]);
    expect(events[0].metadata).toMatchObject({
      recipients: [{ address: "gone@globex.test", status: "5.1.1" }],
    });

    // The relay retrying the same report records nothing twice.
    const again = await deliver(postfixBounce(raw, [unknownUser("gone@globex.test")]));
    expect(again.status).toBe(200);
    expect((await eventsFor(server, email.id)).length).toBe(events.length + before.length);

    // Later sends to the address are refused, by contact or by address, in Cc too.
    for (const body of [
      { contact_id: gone, subject: "Again", text: "Hi" },
      { to: ["Gone@Globex.test"], subject: "Again", text: "Hi" },
      { to: ["boss@globex.test"], cc: ["gone@globex.test"], subject: "Again", text: "Hi" },
    ]) {
      const refused = await api.post("/api/external/email/send", body);
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe("ADDRESS_BOUNCED");
      expect(refused.body.detail.toLowerCase()).toContain("gone@globex.test bounced");
    }
    // The other recipient is not suppressed.
    expect(
      (
        await api.post("/api/external/email/send", {
          to: ["boss@globex.test"],
          subject: "s",
          text: "t",
        })
      ).status,
    ).toBe(202);
  });

  test("every recipient bounced (the report returns the header only): the email is bounced", async () => {
    const { email, raw } = await sendAndDeliver({
      to: ["nobody@initech.test"],
      subject: "Hello",
      text: "Hi",
    });
    const reply = await deliver(postfixBounce(raw, [unknownUser("nobody@initech.test")], true));
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      id: email.id,
      status: "bounced",
      bounced_recipients: ["nobody@initech.test"],
    });
    expect(await contactsWithEmail("mailer-daemon@mx.acme.test")).toBe(0);
  });

  test("an email queued before its address bounced is not sent: failed with the reason", async () => {
    const { raw } = await sendAndDeliver({ to: ["late@initech.test"], subject: "1", text: "1" });
    const second = await api.post("/api/external/email/send", {
      to: ["late@initech.test"],
      subject: "2",
      text: "2",
    });
    expect(second.status).toBe(202);
    expect((await deliver(postfixBounce(raw, [unknownUser("late@initech.test")]))).status).toBe(
      200,
    );
    await sender().drain();
    const after = (await api.get(`/api/external/interactions/${second.body.id}`)).body;
    expect(after.status).toBe("failed");
    expect(after.provider_response).toContain("late@initech.test bounced");
  });

  test("a delay report changes nothing; a report about recipients the email did not go to suppresses none", async () => {
    const { email, raw } = await sendAndDeliver({
      to: ["slow@initech.test"],
      subject: "Hello",
      text: "Hi",
    });
    const delayed = await deliver(
      postfixBounce(raw, [
        {
          address: "slow@initech.test",
          action: "delayed",
          status: "4.4.1",
          diagnostic: "421 4.4.1 connection timed out",
        },
        unknownUser("victim@initech.test"),
      ]),
    );
    expect(delayed.status).toBe(200);
    expect(delayed.body).toMatchObject({ id: email.id, status: "sent", bounced_recipients: [] });
    for (const to of ["slow@initech.test", "victim@initech.test"])
      expect(
        (await api.post("/api/external/email/send", { to: [to], subject: "s", text: "t" })).status,
      ).toBe(202);
  });

  test("a report naming no email of the tenant: 204, nothing recorded", async () => {
    const foreign =
      "From: someone@elsewhere.test\r\nTo: nobody@initech.test\r\nMessage-ID: <not-ours@elsewhere.test>\r\nSubject: x\r\n\r\nbody\r\n";
    const reply = await deliver(postfixBounce(foreign, [unknownUser("nobody2@initech.test")]));
    expect(reply.status).toBe(204);
    expect(await contactsWithEmail("mailer-daemon@mx.acme.test")).toBe(0);
    expect(
      (
        await api.post("/api/external/email/send", {
          to: ["nobody2@initech.test"],
          subject: "s",
          text: "t",
        })
      ).status,
    ).toBe(202);
  });

  test("another tenant's bounce does not reach this tenant's email", async () => {
    const { email, raw } = await sendAndDeliver({
      to: ["iso@initech.test"],
      subject: "s",
      text: "t",
    });
    const other = await server.tenant();
    const otherSecret = (await other.api.post("/api/external/email/inbound-secret")).body.secret;
    const reply = await fetch(`${server.url}/api/external/email/inbound`, {
      method: "POST",
      headers: {
        "content-type": "message/rfc822",
        authorization: `Basic ${Buffer.from(`relay:${otherSecret}`).toString("base64")}`,
      },
      body: postfixBounce(raw, [unknownUser("iso@initech.test")]),
    });
    expect(reply.status).toBe(204);
    expect(
      (await api.get(`/api/external/interactions/${email.id}`)).body.bounced_recipients,
    ).toEqual([]);
  });
});
