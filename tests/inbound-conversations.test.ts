import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { createHmac } from "node:crypto";
import { type Channel, Socket } from "phoenix";
import type { OutboundSender } from "../plugins/interactions/sender";
import type { WebhookDispatcher } from "../src/core";
import { conversationsOf, type MailTenant, mailTenant, messagesOf, rawEmail } from "./helpers/mail";
import { startTestServer } from "./helpers/server";
import { type Answer, startSmtpServer, type TestSmtpServer } from "./helpers/smtp";
import { useTestServer } from "./helpers/suite";
import { startTwilio } from "./helpers/twilio";
import { type Receiver, startReceiver } from "./webhook-receiver";

const X = "/api/external";
const SID = "AC00000000000000000000000000000001";
const TOKEN = "twilio-auth-token";
const SUPPORT_NUMBER = "+14155550100";
const PUBLIC = "https://crm.example.com";

let smtp: TestSmtpServer;
let smtpUrl = "";
let smtpAnswer: Answer = () => undefined;
const twilio = startTwilio();
beforeAll(async () => {
  smtp = await startSmtpServer((n, email) => smtpAnswer(n, email));
  smtpUrl = smtp.url;
});
afterAll(() => {
  smtp.close();
  twilio.stop();
});

const server = useTestServer({
  config: {
    rateLimit: 100_000,
    get smtpUrl() {
      return smtpUrl;
    },
    emailFrom: "Acme Support <support@acme.test>",
    smsProvider: "twilio",
    twilioAccountSid: SID,
    twilioAuthToken: TOKEN,
    twilioApiUrl: twilio.url,
    smsFrom: SUPPORT_NUMBER,
    publicUrl: PUBLIC,
    sendMaxPerHour: 1000,
  },
});

type Tenant = MailTenant;
let acme: Tenant;
let other: Tenant;
let receiver: Receiver;
const sockets: Socket[] = [];

const tenant = () => mailTenant(server);

beforeAll(async () => {
  acme = await tenant();
  other = await tenant();
  receiver = startReceiver();
});
afterAll(() => {
  for (const socket of sockets) socket.disconnect();
  receiver.close();
});

const sender = () => server.ctx.workers.find((w) => w.name === "outbound-sender") as OutboundSender;
const dispatcher = () =>
  server.ctx.workers.find((w) => w.name === "webhook-dispatcher") as WebhookDispatcher;

async function deliverEmail(to: Tenant, raw: string) {
  const response = await fetch(`${server.url}${X}/email/inbound`, {
    method: "POST",
    headers: {
      "content-type": "message/rfc822",
      authorization: `Basic ${Buffer.from(`relay:${to.secret}`).toString("base64")}`,
    },
    body: raw,
  });
  return { status: response.status, body: (await response.json()) as any };
}

/** Posts an inbound SMS as Twilio does, signed for the public URL. */
async function deliverSms(to: Tenant, form: Record<string, string>) {
  const path = `${X}/sms/inbound/twilio/${to.tenantId}`;
  const data = Object.keys(form)
    .sort()
    .reduce((text, key) => text + key + form[key], `${PUBLIC}${path}`);
  const response = await fetch(`${server.url}${path}`, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      "x-twilio-signature": createHmac("sha1", TOKEN).update(data).digest("base64"),
    },
    body: new URLSearchParams(form),
  });
  return response.status;
}

async function until(predicate: () => boolean, what: string, ms = 5000) {
  const deadline = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`not met: ${what}`);
    await Bun.sleep(10);
  }
}

function joined(channel: Channel): Promise<void> {
  return new Promise((resolve, reject) => {
    channel
      .join()
      .receive("ok", () => resolve())
      .receive("error", reject);
  });
}

describe("inbound email becomes a conversation", () => {
  let conversationId: string;

  test("a new email opens an email conversation with the sender; live and webhook see message.created", async () => {
    const hook = await acme.api.post(`${X}/webhooks`, {
      url: receiver.url("/inbox"),
      events: ["message.created", "conversation.created"],
    });
    expect(hook.status).toBe(201);
    const socket = new Socket(`${server.url.replace(/^http/, "ws")}/socket`, {
      params: { token: acme.key },
    });
    socket.connect();
    sockets.push(socket);
    const inbox = socket.channel(`notification:${acme.tenantId}`, {});
    const live: any[] = [];
    inbox.on("message:created", (payload) => {
      live.push(payload);
    });
    await joined(inbox);

    const first = await deliverEmail(
      acme,
      rawEmail(
        {
          From: "Ann Lee <ann@globex.test>",
          To: "support@acme.test",
          Subject: "Printer on fire",
          "Message-ID": "<q1@globex.test>",
        },
        "It is on fire. Help.",
      ),
    );
    expect(first.status).toBe(201);
    const customerId = first.body.contact_id;
    const [conversation] = await conversationsOf(acme.api, `customer_id=${customerId}`);
    expect(conversation).toMatchObject({
      channel: "email",
      status: "open",
      subject: "Printer on fire",
      customer_address: "ann@globex.test",
      unread_count: 1,
    });
    conversationId = conversation.id;
    const [message] = await messagesOf(acme.api, conversationId);
    expect(message).toMatchObject({
      author_type: "customer",
      author_id: customerId,
      channel: "email",
      body: "It is on fire. Help.",
      interaction_id: first.body.id,
      external_id: "q1@globex.test",
      delivery_status: null,
    });
    // The interaction timeline is as before.
    const timeline = await acme.api.get(`${X}/interactions?contact_id=${customerId}&type=email`);
    expect(timeline.body.interactions.map((i: any) => i.id)).toEqual([first.body.id]);

    await until(() => live.some((m) => m.id === message.id), "live message:created");
    await dispatcher().drain();
    await receiver.waitFor(() =>
      receiver.received.some(
        (r) => r.json?.event_type === "message.created" && r.json.data.id === message.id,
      ),
    );
    expect(
      receiver.received.some(
        (r) => r.json?.event_type === "conversation.created" && r.json.data.id === conversationId,
      ),
    ).toBe(true);
  });

  test("a relay's retry of the same email adds no second message", async () => {
    const retry = await deliverEmail(
      acme,
      rawEmail(
        {
          From: "Ann Lee <ann@globex.test>",
          To: "support@acme.test",
          Subject: "Printer on fire",
          "Message-ID": "<q1@globex.test>",
        },
        "It is on fire. Help.",
      ),
    );
    expect(retry.status).toBe(200);
    expect(await messagesOf(acme.api, conversationId)).toHaveLength(1);
    expect(await conversationsOf(acme.api, "channel=email")).toHaveLength(1);
  });

  test("an agent's reply goes out by SMTP, threaded; the customer's answer joins the conversation", async () => {
    const reply = await acme.api.post(`${X}/messages`, {
      conversation_id: conversationId,
      body: "Please step away from the printer. {{ not a template }}",
      author_id: "maria",
    });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ author_type: "agent", delivery_status: "queued" });
    const replyInteraction = reply.body.interaction_id;
    expect(replyInteraction).toBeString();

    await sender().drain();
    const got = smtp.received.at(-1);
    expect(got?.rcptTo).toEqual(["ann@globex.test"]);
    expect(got?.email.subject).toBe("Re: Printer on fire");
    expect(got?.email.inReplyTo).toBe("<q1@globex.test>");
    expect(got?.email.references).toContain("<q1@globex.test>");
    expect(got?.email.text?.trim()).toBe("Please step away from the printer. {{ not a template }}");
    const sentMessage = (await acme.api.get(`${X}/messages/${reply.body.id}`)).body;
    expect(sentMessage.delivery_status).toBe("sent");
    const sent = (await acme.api.get(`${X}/interactions/${replyInteraction}`)).body;
    expect(sent).toMatchObject({ status: "sent", in_reply_to: "q1@globex.test" });

    // The customer answers the agent's email: it joins the same conversation.
    const answer = await deliverEmail(
      acme,
      rawEmail(
        {
          From: "ann@globex.test",
          To: "support@acme.test",
          Subject: "Re: Printer on fire",
          "Message-ID": "<q2@globex.test>",
          "In-Reply-To": `<${sent.message_id}>`,
          References: `<q1@globex.test> <${sent.message_id}>`,
        },
        "Done, thanks.",
      ),
    );
    expect(answer.status).toBe(201);
    const thread = await messagesOf(acme.api, conversationId);
    expect(thread.map((m) => m.body)).toEqual([
      "Done, thanks.",
      "Please step away from the printer. {{ not a template }}",
      "It is on fire. Help.",
    ]);
    expect(await conversationsOf(acme.api, "channel=email")).toHaveLength(1);
  });

  test("a closed conversation is reopened by a reply to it", async () => {
    await acme.api.patch(`${X}/conversations/${conversationId}`, { status: "closed" });
    const again = await deliverEmail(
      acme,
      rawEmail(
        {
          From: "ann@globex.test",
          To: "support@acme.test",
          Subject: "Re: Printer on fire",
          "Message-ID": "<q3@globex.test>",
          "In-Reply-To": "<q2@globex.test>",
        },
        "It is on fire again.",
      ),
    );
    expect(again.status).toBe(201);
    expect((await acme.api.get(`${X}/conversations/${conversationId}`)).body.status).toBe("open");
  });

  test("a reply to an email sent with /email/send joins the conversation its thread reached", async () => {
    const quote = await acme.api.post(`${X}/email/send`, {
      to: "cal@initech.test",
      subject: "Your quote",
      text: "Here it is",
    });
    expect(quote.status).toBe(202);
    const answer = (id: string, inReplyTo: string, text: string) =>
      deliverEmail(
        acme,
        rawEmail(
          {
            From: "cal@initech.test",
            To: "support@acme.test",
            Subject: "Re: Your quote",
            "Message-ID": `<${id}@initech.test>`,
            "In-Reply-To": `<${inReplyTo}>`,
          },
          text,
        ),
      );
    const first = await answer("c1", quote.body.message_id, "Looks good");
    const [conversation] = await conversationsOf(acme.api, `customer_id=${first.body.contact_id}`);
    expect(await messagesOf(acme.api, conversation.id)).toHaveLength(1);
    // Answering the quote again (not the first answer): same thread, same conversation.
    await answer("c2", quote.body.message_id, "One more question");
    expect(await conversationsOf(acme.api, `customer_id=${first.body.contact_id}`)).toHaveLength(1);
    expect((await messagesOf(acme.api, conversation.id)).map((m) => m.body)).toEqual([
      "One more question",
      "Looks good",
    ]);
  });

  test("tenant isolation: the same address in another tenant makes that tenant's own conversation", async () => {
    const elsewhere = await deliverEmail(
      other,
      rawEmail(
        {
          From: "ann@globex.test",
          To: "help@other.test",
          Subject: "Re: Printer on fire",
          "Message-ID": "<q4@globex.test>",
          "In-Reply-To": "<q1@globex.test>",
        },
        "Other tenant",
      ),
    );
    expect(elsewhere.status).toBe(201);
    const theirs = await conversationsOf(other.api, "channel=email");
    expect(theirs).toHaveLength(1);
    expect(theirs[0].customer_id).toBe(elsewhere.body.contact_id);
    expect(await messagesOf(other.api, theirs[0].id)).toHaveLength(1);
    expect(await messagesOf(acme.api, conversationId)).toHaveLength(4);
    expect((await acme.api.get(`${X}/conversations/${theirs[0].id}`)).status).toBe(404);
  });
});

describe("inbound SMS becomes a conversation", () => {
  const CUSTOMER = "+14155550123";

  test("a text opens an SMS conversation; the next joins it; a retry adds nothing", async () => {
    const sms = (sid: string, body: string) =>
      deliverSms(acme, { MessageSid: sid, From: CUSTOMER, To: SUPPORT_NUMBER, Body: body });
    expect(await sms("SM1", "Is my order shipped?")).toBe(200);
    const [conversation] = await conversationsOf(acme.api, "channel=sms");
    expect(conversation).toMatchObject({ customer_address: CUSTOMER, status: "open" });
    const customer = (await acme.api.get(`${X}/contacts/${conversation.customer_id}`)).body;
    expect(customer).toMatchObject({ first_name: CUSTOMER, phone_number: [{ number: CUSTOMER }] });
    expect(await sms("SM2", "Order 42")).toBe(200);
    expect(await sms("SM2", "Order 42")).toBe(200); // Twilio's retry
    expect(await conversationsOf(acme.api, "channel=sms")).toHaveLength(1);
    const thread = await messagesOf(acme.api, conversation.id);
    expect(thread.map((m) => [m.body, m.external_id])).toEqual([
      ["Order 42", "SM2"],
      ["Is my order shipped?", "SM1"],
    ]);

    // An agent's reply goes out by SMS from the number the customer texted.
    const reply = await acme.api.post(`${X}/messages`, {
      conversation_id: conversation.id,
      body: "Shipped yesterday.",
    });
    expect(reply.body.delivery_status).toBe("queued");
    await sender().drain();
    const request = twilio.requests.at(-1);
    expect(request?.form).toMatchObject({
      To: CUSTOMER,
      From: SUPPORT_NUMBER,
      Body: "Shipped yesterday.",
    });
    expect((await acme.api.get(`${X}/messages/${reply.body.id}`)).body.delivery_status).toBe(
      "sent",
    );

    // Archived: the next text opens a new conversation.
    await acme.api.post(`${X}/conversations/${conversation.id}/archive`);
    expect(await sms("SM3", "One more thing")).toBe(200);
    const all = await conversationsOf(acme.api, "channel=sms");
    expect(all).toHaveLength(2);
    expect(all.find((c) => c.id !== conversation.id)?.customer_address).toBe(CUSTOMER);
  });

  test("an agent's shout on the live channel of an SMS conversation goes out by SMS", async () => {
    const [conversation] = await conversationsOf(acme.api, "channel=sms&archived=false");
    const socket = new Socket(`${server.url.replace(/^http/, "ws")}/socket`, {
      params: { token: acme.key },
    });
    socket.connect();
    sockets.push(socket);
    const channel = socket.channel(`conversation:${conversation.id}`, { name: "maria" });
    await joined(channel);
    const shout: any = await new Promise((resolve, reject) => {
      channel
        .push("shout", { body: "On its way." })
        .receive("ok", resolve)
        .receive("error", reject);
    });
    expect(shout).toMatchObject({ author_type: "agent", delivery_status: "queued" });
    await sender().drain();
    expect(twilio.requests.at(-1)?.form).toMatchObject({ To: CUSTOMER, Body: "On its way." });
    channel.leave();
  });

  test("the team opens an SMS conversation with one of the customer's numbers", async () => {
    const customer = (
      await acme.api.post(`${X}/contacts`, {
        first_name: "Eve",
        phone_number: [{ number: "+14155550160" }, { number: "+14155550161" }],
      })
    ).body;
    const opened = await acme.api.post(`${X}/conversations`, {
      customer_id: customer.id,
      channel: "sms",
      customer_address: "+1 415 555 0161",
    });
    expect(opened.status).toBe(201);
    expect(opened.body.customer_address).toBe("+14155550161");
    await acme.api.post(`${X}/messages`, { conversation_id: opened.body.id, body: "Hi Eve" });
    await sender().drain();
    expect(twilio.requests.at(-1)?.form).toMatchObject({ To: "+14155550161", Body: "Hi Eve" });
    const chat = await acme.api.post(`${X}/conversations`, {
      customer_id: customer.id,
      customer_address: "+14155550161",
    });
    expect(chat.status).toBe(422);
    expect(chat.body.errors[0].path).toBe("/customer_address");
  });

  test("STOP is consent, not a conversation", async () => {
    const before = (await conversationsOf(acme.api, "channel=sms")).length;
    expect(
      await deliverSms(acme, {
        MessageSid: "SM9",
        From: "+14155550177",
        To: SUPPORT_NUMBER,
        Body: "STOP",
      }),
    ).toBe(200);
    expect(await conversationsOf(acme.api, "channel=sms")).toHaveLength(before);
  });
});

describe("replies with no way out", () => {
  test("a reply the server refuses for good: its message reads failed, with the answer", async () => {
    const customer = (
      await acme.api.post(`${X}/contacts`, { first_name: "Bo", email: [{ email: "bo@gone.test" }] })
    ).body;
    const conversation = (
      await acme.api.post(`${X}/conversations`, { customer_id: customer.id, channel: "email" })
    ).body;
    const reply = await acme.api.post(`${X}/messages`, {
      conversation_id: conversation.id,
      body: "Hello Bo",
    });
    expect(reply.body.delivery_status).toBe("queued");
    smtpAnswer = () => ({ code: 550, message: "5.1.1 mailbox unavailable" });
    try {
      await sender().drain();
    } finally {
      smtpAnswer = () => undefined;
    }
    const failed = (await acme.api.get(`${X}/messages/${reply.body.id}`)).body;
    expect(failed.delivery_status).toBe("failed");
    expect(failed.delivery_detail).toContain("550");
  });

  test("without a sender or an SMTP server the reply is stored and says why", async () => {
    /** An agent's first reply in a new email conversation, on a server of `config`. */
    const firstReply = async (config: Record<string, unknown>, name: string) => {
      const bare = await startTestServer({ config: { rateLimit: 100_000, ...config } });
      try {
        const { api } = await bare.tenant();
        const email = `${name.toLowerCase()}@x.test`;
        const customer = (await api.post(`${X}/contacts`, { first_name: name, email: [{ email }] }))
          .body;
        const conversation = (
          await api.post(`${X}/conversations`, { customer_id: customer.id, channel: "email" })
        ).body;
        return await api.post(`${X}/messages`, {
          conversation_id: conversation.id,
          body: `Hello ${name}`,
        });
      } finally {
        await bare.close();
      }
    };
    const reply = await firstReply({}, "Cy");
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ delivery_status: "not_sent", interaction_id: null });
    expect(reply.body.delivery_detail).toContain("CRMD_EMAIL_FROM");
    const queued = await firstReply({ emailFrom: "support@acme.test" }, "Di");
    expect(queued.body).toMatchObject({ delivery_status: "queued" });
    expect(queued.body.delivery_detail).toContain("CRMD_SMTP_URL");
  });

  test("a reply the channel cannot send is stored, not_sent, with the reason", async () => {
    const customer = (await acme.api.post(`${X}/contacts`, { first_name: "No Address" })).body;
    const conversation = (
      await acme.api.post(`${X}/conversations`, { customer_id: customer.id, channel: "email" })
    ).body;
    const reply = await acme.api.post(`${X}/messages`, {
      conversation_id: conversation.id,
      body: "Hello?",
    });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ delivery_status: "not_sent", interaction_id: null });
    expect(reply.body.delivery_detail).toContain("no email address");
  });
});
