import { beforeAll, describe, expect, test } from "bun:test";
import { expect422 } from "./helpers/api";
import {
  conversationsOf,
  type MailTenant,
  mailTenant,
  messagesOf,
  useMailServer,
} from "./helpers/mail";
import type { Api } from "./helpers/server";

const X = "/api/external";

const mail = useMailServer({ config: { emailFrom: "Acme Desk <desk@acme.test>" } });
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

const contactCount = async (api: Api) => (await api.get(`${X}/contacts`)).body.total as number;
const participantEmails = async (api: Api, conversationId: string) =>
  ((await api.get(`${X}/conversations/${conversationId}`)).body.participants as any[]).map(
    (p) => p.email,
  );

/** The agent's reply, sent through the SMTP server: its copy there. */
async function agentReply(api: Api, conversationId: string, body: string) {
  const reply = await api.post(`${X}/messages`, { conversation_id: conversationId, body });
  expect(reply.status).toBe(201);
  expect(reply.body.delivery_status).toBe("queued");
  await mail.sender().drain();
  const got = mail.smtp().received.at(-1);
  expect(got?.email.text?.trim()).toBe(body);
  return got;
}

const addresses = (list: { address?: string }[] | undefined) =>
  (list ?? []).map((a) => a.address).sort();

describe("the team's own email addresses", () => {
  test("start empty; PUT stores them lower case, each once, in order; GET reads them", async () => {
    expect((await acme.api.get(`${X}/email/team-addresses`)).body).toEqual({ addresses: [] });
    const put = await acme.api.put(`${X}/email/team-addresses`, {
      addresses: [" Sales@Acme.test", "@Acme-Staff.test", "sales@acme.test", "MIA@acme.test"],
    });
    expect(put.status).toBe(200);
    const stored = ["sales@acme.test", "@acme-staff.test", "mia@acme.test"];
    expect(put.body).toEqual({ addresses: stored });
    expect((await acme.api.get(`${X}/email/team-addresses`)).body).toEqual({ addresses: stored });
    // Another tenant's list is its own.
    expect((await other.api.get(`${X}/email/team-addresses`)).body).toEqual({ addresses: [] });
  });

  test("a malformed entry is 422 at its place and changes nothing", async () => {
    for (const bad of ["support", "@", "a@b@c.test", "Sales <sales@acme.test>", "@acme test"]) {
      const refused = await acme.api.put(`${X}/email/team-addresses`, {
        addresses: ["ok@acme.test", bad],
      });
      expect422(refused, "/addresses/1");
    }
    expect422(await acme.api.put(`${X}/email/team-addresses`, { addresses: [""] }), "/addresses/0");
    expect((await acme.api.get(`${X}/email/team-addresses`)).body.addresses).toEqual([
      "sales@acme.test",
      "@acme-staff.test",
      "mia@acme.test",
    ]);
  });

  test("reading needs interactions:read, changing keys:manage", async () => {
    const reader = await server.keyFor(acme.tenantId, ["interactions:read"]);
    expect((await reader.get(`${X}/email/team-addresses`)).status).toBe(200);
    const refused = await reader.put(`${X}/email/team-addresses`, { addresses: [] });
    expect(refused.status).toBe(403);
    const agent = await server.keyFor(acme.tenantId, ["conversations:write"]);
    expect((await agent.get(`${X}/email/team-addresses`)).status).toBe(403);
  });
});

describe("received email and the team's own addresses", () => {
  let conversation: any;
  let ann: string;

  test("the team's addresses and domains in To and Cc are no participants", async () => {
    const first = await deliverEmail(
      acme,
      {
        From: "Ann Lee <ann@globex.test>",
        To: "Acme Sales <SALES@acme.test>",
        Cc: "Jo <jo@acme-staff.test>, bob@globex.test, desk@acme.test",
        Subject: "Quote 12",
        "Message-ID": "<t1@globex.test>",
      },
      "Where is quote 12?",
    );
    ann = first.contact_id;
    [conversation] = await conversationsOf(acme.api, `customer_id=${ann}`);
    expect(conversation.participants).toEqual([{ email: "bob@globex.test", contact_id: null }]);
  });

  test("an email from the team's second inbox in the thread is the team's message, not the customer's", async () => {
    const contacts = await contactCount(acme.api);
    const sentBefore = mail.smtp().received.length;
    const team = await deliverEmail(
      acme,
      {
        From: "Acme Sales <sales@acme.test>",
        To: "ann@globex.test",
        Cc: "bob@globex.test, carol@globex.test, support@acme-staff.test",
        Subject: "Re: Quote 12",
        "Message-ID": "<t2@acme.test>",
        "In-Reply-To": "<t1@globex.test>",
      },
      "Quote 12 is attached.",
    );
    // Linked to the thread's customer; no contact is made for the team's address.
    expect(team.contact_id).toBe(ann);
    expect(await contactCount(acme.api)).toBe(contacts);
    expect(await conversationsOf(acme.api, "channel=email")).toHaveLength(1);
    const [message] = await messagesOf(acme.api, conversation.id);
    expect(message).toMatchObject({
      body: "Quote 12 is attached.",
      author_type: "agent",
      author_id: "sales@acme.test",
      customer_id: ann,
      interaction_id: team.id,
      external_id: "t2@acme.test",
      delivery_status: null,
    });
    const now = (await acme.api.get(`${X}/conversations/${conversation.id}`)).body;
    expect(now.unread_count).toBe(1);
    expect(now.participants.map((p: any) => p.email)).toEqual([
      "bob@globex.test",
      "carol@globex.test",
    ]);
    // It already went out: nothing is sent again.
    await mail.sender().drain();
    expect(mail.smtp().received.length).toBe(sentBefore);
  });

  test("a participant recorded before the team listed the address is no longer Cc'd, and writes as the team", async () => {
    // Before the list has mia@acme.test, she is a participant like anyone in Cc.
    await acme.api.put(`${X}/email/team-addresses`, {
      addresses: ["sales@acme.test", "@acme-staff.test"],
    });
    const dan = await deliverEmail(
      acme,
      {
        From: "dan@globex.test",
        To: "sales@acme.test",
        Cc: "Mia <mia@acme.test>, erin@globex.test",
        Subject: "Renewal",
        "Message-ID": "<r1@globex.test>",
      },
      "About our renewal.",
    );
    const [renewal] = await conversationsOf(acme.api, `customer_id=${dan.contact_id}`);
    expect(await participantEmails(acme.api, renewal.id)).toEqual([
      "mia@acme.test",
      "erin@globex.test",
    ]);
    await acme.api.put(`${X}/email/team-addresses`, {
      addresses: ["sales@acme.test", "@acme-staff.test", "Mia@Acme.test"],
    });
    const got = await agentReply(acme.api, renewal.id, "Renewal terms attached.");
    expect(addresses(got?.email.to)).toEqual(["dan@globex.test"]);
    expect(addresses(got?.email.cc)).toEqual(["erin@globex.test"]);
    expect(got?.rcptTo.sort()).toEqual(["dan@globex.test", "erin@globex.test"]);

    const mia = await deliverEmail(
      acme,
      {
        From: "mia@acme.test",
        To: "dan@globex.test",
        Subject: "Re: Renewal",
        "Message-ID": "<r2@acme.test>",
        "In-Reply-To": "<r1@globex.test>",
      },
      "I will call you tomorrow.",
    );
    expect(mia.contact_id).toBe(dan.contact_id);
    const [message] = await messagesOf(acme.api, renewal.id);
    expect(message).toMatchObject({ author_type: "agent", author_id: "mia@acme.test" });
  });

  test("the agent's reply Cc's no team address", async () => {
    const got = await agentReply(acme.api, conversation.id, "Anything else?");
    expect(addresses(got?.email.to)).toEqual(["ann@globex.test"]);
    expect(addresses(got?.email.cc)).toEqual(["bob@globex.test", "carol@globex.test"]);
  });

  test("an email from a team address that answers no conversation opens none", async () => {
    const contacts = await contactCount(acme.api);
    const before = (await conversationsOf(acme.api, "channel=email")).length;
    const internal = await deliverEmail(
      acme,
      {
        From: "jo@acme-staff.test",
        To: "sales@acme.test",
        Subject: "Lunch?",
        "Message-ID": "<l1@acme-staff.test>",
      },
      "Lunch at noon?",
    );
    expect(internal).toMatchObject({ direction: "inbound", from: "jo@acme-staff.test" });
    expect(internal.contact_id).toBeNull();
    expect(await contactCount(acme.api)).toBe(contacts);
    expect(await conversationsOf(acme.api, "channel=email")).toHaveLength(before);
  });

  test("tenant isolation: each tenant's list applies to its own mail only", async () => {
    const own = await other.api.put(`${X}/email/team-addresses`, {
      addresses: ["help@other.test"],
    });
    expect(own.body.addresses).toEqual(["help@other.test"]);
    expect((await acme.api.get(`${X}/email/team-addresses`)).body.addresses).toEqual([
      "sales@acme.test",
      "@acme-staff.test",
      "mia@acme.test",
    ]);
    const first = await deliverEmail(
      other,
      {
        From: "ann@globex.test",
        To: "help@other.test",
        Cc: "sales@acme.test, jo@acme-staff.test",
        Subject: "Other tenant",
        "Message-ID": "<o1@globex.test>",
      },
      "Hello other.",
    );
    const [theirs] = await conversationsOf(other.api, `customer_id=${first.contact_id}`);
    expect(theirs.participants.map((p: any) => p.email)).toEqual([
      "sales@acme.test",
      "jo@acme-staff.test",
    ]);
    const sales = await deliverEmail(
      other,
      {
        From: "sales@acme.test",
        To: "help@other.test",
        Subject: "Re: Other tenant",
        "Message-ID": "<o2@acme.test>",
        "In-Reply-To": "<o1@globex.test>",
      },
      "A participant there.",
    );
    const [message] = await messagesOf(other.api, theirs.id);
    expect(message).toMatchObject({ author_type: "customer", author_id: sales.contact_id });
    expect(sales.contact_id).not.toBe(first.contact_id);
  });
});
