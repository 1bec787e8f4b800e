import { beforeAll, describe, expect, test } from "bun:test";
import { expect422 } from "./helpers/api";
import {
  conversationsOf,
  type MailTenant,
  mailTenant,
  messagesOf,
  useMailServer,
} from "./helpers/mail";

const X = "/api/external";

const mail = useMailServer({ config: { emailFrom: "Acme Support <support@acme.test>" } });
const server = mail.server;

type Tenant = MailTenant;
let acme: Tenant;
let other: Tenant;

const tenant = () => mailTenant(server);

beforeAll(async () => {
  acme = await tenant();
  other = await tenant();
});

const deliverEmail = mail.deliverEmail;

/** The agent's reply, sent: the SMTP server's copy and the email's Message-ID. */
async function agentReply(conversationId: string, body: string) {
  const reply = await acme.api.post(`${X}/messages`, { conversation_id: conversationId, body });
  expect(reply.status).toBe(201);
  expect(reply.body.delivery_status).toBe("queued");
  await mail.sender().drain();
  const got = mail.smtp().received.at(-1);
  expect(got?.email.text?.trim()).toBe(body);
  const sent = (await acme.api.get(`${X}/interactions/${reply.body.interaction_id}`)).body;
  return { got, messageId: sent.message_id as string };
}

const addresses = (list: { address?: string }[] | undefined) =>
  (list ?? []).map((a) => a.address).sort();

describe("an email thread with several people is one conversation", () => {
  let conversation: any;
  let ann: string;
  let bob: string;
  let lastSent = "";

  test("the people in To and Cc of the opening email are its participants, the team's address not", async () => {
    const first = await deliverEmail(
      acme,
      {
        From: "Ann Lee <ann@globex.test>",
        To: "Acme Support <support@acme.test>",
        Cc: "Bob Ray <Bob@globex.test>, carol@globex.test",
        Subject: "Invoice 7",
        "Message-ID": "<p1@globex.test>",
      },
      "Invoice 7 is wrong.",
    );
    ann = first.contact_id;
    [conversation] = await conversationsOf(acme.api, `customer_id=${ann}`);
    expect(conversation).toMatchObject({
      channel: "email",
      customer_address: "ann@globex.test",
      participants: [
        { email: "bob@globex.test", contact_id: null },
        { email: "carol@globex.test", contact_id: null },
      ],
    });
  });

  test("a Cc'd colleague's reply joins the conversation, authored by their contact", async () => {
    const reply = await deliverEmail(
      acme,
      {
        From: "Bob Ray <bob@globex.test>",
        To: "support@acme.test",
        Cc: "ann@globex.test, carol@globex.test",
        Subject: "Re: Invoice 7",
        "Message-ID": "<p2@globex.test>",
        "In-Reply-To": "<p1@globex.test>",
      },
      "Also the VAT is missing.",
    );
    bob = reply.contact_id;
    expect(bob).not.toBe(ann);
    expect(await conversationsOf(acme.api, `customer_id=${bob}`)).toHaveLength(0);
    const [message] = await messagesOf(acme.api, conversation.id);
    expect(message).toMatchObject({
      body: "Also the VAT is missing.",
      author_type: "customer",
      author_id: bob,
      customer_id: ann,
      interaction_id: reply.id,
    });
    const now = (await acme.api.get(`${X}/conversations/${conversation.id}`)).body;
    expect(now.customer_id).toBe(ann);
    expect(now.participants).toEqual([
      { email: "bob@globex.test", contact_id: bob },
      { email: "carol@globex.test", contact_id: null },
    ]);
    const events = (await acme.api.get(`${X}/events?types=conversation.updated`)).body.events;
    expect(
      events.some(
        (e: any) =>
          e.data.id === conversation.id && e.metadata.changed_fields.includes("participants"),
      ),
    ).toBe(true);
  });

  test("the agent's reply goes to the customer with the other participants in Cc", async () => {
    const { got, messageId } = await agentReply(conversation.id, "We will fix invoice 7.");
    expect(addresses(got?.email.to)).toEqual(["ann@globex.test"]);
    expect(addresses(got?.email.cc)).toEqual(["bob@globex.test", "carol@globex.test"]);
    expect(got?.rcptTo.sort()).toEqual(["ann@globex.test", "bob@globex.test", "carol@globex.test"]);
    lastSent = messageId;
  });

  test("a participant the agent removes is no longer Cc'd; their next reply opens their own conversation", async () => {
    const stranger = await acme.api.patch(`${X}/conversations/${conversation.id}`, {
      participants: [{ email: "bob@globex.test" }, { email: "mallory@evil.test" }],
    });
    expect422(stranger, "/participants/1/email");
    const removed = await acme.api.patch(`${X}/conversations/${conversation.id}`, {
      participants: [{ email: "BOB@globex.test", contact_id: bob }],
    });
    expect(removed.status).toBe(200);
    expect(removed.body.participants).toEqual([{ email: "bob@globex.test", contact_id: bob }]);
    const events = (await acme.api.get(`${X}/events?types=conversation.updated`)).body.events;
    expect(events.at(-1)).toMatchObject({
      data: { id: conversation.id },
      metadata: { changed_fields: ["participants"] },
    });

    const { got } = await agentReply(conversation.id, "Corrected invoice attached.");
    expect(addresses(got?.email.cc)).toEqual(["bob@globex.test"]);
    expect(got?.rcptTo.sort()).toEqual(["ann@globex.test", "bob@globex.test"]);

    const before = (await messagesOf(acme.api, conversation.id)).length;
    const carol = await deliverEmail(
      acme,
      {
        From: "carol@globex.test",
        To: "support@acme.test",
        Cc: "ann@globex.test",
        Subject: "Re: Invoice 7",
        "Message-ID": "<p3@globex.test>",
        "In-Reply-To": `<${lastSent}>`,
      },
      "Please keep me posted.",
    );
    expect(await messagesOf(acme.api, conversation.id)).toHaveLength(before);
    const [own] = await conversationsOf(acme.api, `customer_id=${carol.contact_id}`);
    expect(own.id).not.toBe(conversation.id);
    expect((await messagesOf(acme.api, own.id)).map((m) => m.body)).toEqual([
      "Please keep me posted.",
    ]);

    // The customer answering an older email that still names her does not bring her back.
    await deliverEmail(
      acme,
      {
        From: "ann@globex.test",
        To: "support@acme.test",
        Cc: "bob@globex.test, carol@globex.test",
        Subject: "Re: Invoice 7",
        "Message-ID": "<p4@globex.test>",
        "In-Reply-To": "<p2@globex.test>",
      },
      "Thanks all.",
    );
    const after = (await acme.api.get(`${X}/conversations/${conversation.id}`)).body;
    expect(after.participants.map((p: any) => p.email)).toEqual(["bob@globex.test"]);

    // A PUT that leaves participants out keeps them; listing a removed one brings them back.
    const put = await acme.api.put(`${X}/conversations/${conversation.id}`, { status: "pending" });
    expect(put.body.participants.map((p: any) => p.email)).toEqual(["bob@globex.test"]);
    const back = await acme.api.put(`${X}/conversations/${conversation.id}`, {
      status: "open",
      participants: [{ email: "bob@globex.test" }, { email: "carol@globex.test" }],
    });
    expect(back.body.participants).toEqual([
      { email: "bob@globex.test", contact_id: bob },
      { email: "carol@globex.test", contact_id: carol.contact_id },
    ]);
  });

  test("a reply from someone not on the thread (a forward) opens their own conversation", async () => {
    const before = await acme.api.get(`${X}/conversations/${conversation.id}`);
    const dave = await deliverEmail(
      acme,
      {
        From: "dave@elsewhere.test",
        To: "support@acme.test",
        Subject: "Fwd: Invoice 7",
        "Message-ID": "<d1@elsewhere.test>",
        References: "<p1@globex.test> <p2@globex.test>",
        "In-Reply-To": "<p2@globex.test>",
      },
      "Saw this thread, what is going on?",
    );
    const [own] = await conversationsOf(acme.api, `customer_id=${dave.contact_id}`);
    expect(own.id).not.toBe(conversation.id);
    expect(own.participants).toEqual([]);
    const after = await acme.api.get(`${X}/conversations/${conversation.id}`);
    expect(after.body).toEqual(before.body);
  });

  test("tenant isolation: a participant's address writing to another tenant opens that tenant's own conversation", async () => {
    const elsewhere = await deliverEmail(
      other,
      {
        From: "bob@globex.test",
        To: "help@other.test",
        Subject: "Re: Invoice 7",
        "Message-ID": "<o1@globex.test>",
        "In-Reply-To": "<p1@globex.test>",
      },
      "Other tenant",
    );
    const theirs = await conversationsOf(other.api, "channel=email");
    expect(theirs).toHaveLength(1);
    expect(theirs[0].customer_id).toBe(elsewhere.contact_id);
    expect(
      (
        await other.api.patch(`${X}/conversations/${conversation.id}`, {
          participants: [],
        })
      ).status,
    ).toBe(404);
    expect(
      (await acme.api.get(`${X}/conversations/${conversation.id}`)).body.participants,
    ).toHaveLength(2);
  });
});
