import { beforeAll, describe, expect, test } from "bun:test";
import { join } from "node:path";
import { created } from "./helpers/api";
import { eventsFor } from "./helpers/records";
import type { Api } from "./helpers/server";
import { useTestServer } from "./helpers/suite";
import { salesPipeline } from "./sales-fixtures";

const FIXTURES = join(import.meta.dir, "fixtures/email");
const server = useTestServer({ config: { rateLimit: 100_000, emailFrom: "sales@acme.test" } });
let api: Api;
let secret: string;
let ann: string;
let globex: string;
let quote: { id: string; message_id: string; thread_id: string };

/** A fixture's bytes, with `{{PARENT}}` replaced by the outbound quote's Message-ID. */
async function fixture(name: string): Promise<Uint8Array> {
  const bytes = new Uint8Array(await Bun.file(join(FIXTURES, name)).arrayBuffer());
  const text = Buffer.from(bytes).toString("latin1").replaceAll("{{PARENT}}", quote.message_id);
  return new Uint8Array(Buffer.from(text, "latin1"));
}

const basic = (password: string) => `Basic ${Buffer.from(`relay:${password}`).toString("base64")}`;

function deliver(raw: Uint8Array, authorization = basic(secret)) {
  return fetch(`${server.url}/api/external/email/inbound`, {
    method: "POST",
    headers: { "content-type": "message/rfc822", authorization },
    body: raw,
  }).then(async (r) => ({ status: r.status, body: (await r.json()) as any }));
}

beforeAll(async () => {
  ({ api } = await server.tenant());
  globex = (await created(api, "/companies", { name: "Globex" })).id;
  ann = (
    await created(api, "/contacts", {
      first_name: "Ann",
      email: [{ email: "ann@globex.test" }],
      company_id: globex,
    })
  ).id;
  const sent = await api.post("/api/external/email/send", {
    contact_id: ann,
    subject: "Your quote",
    text: "Attached",
  });
  expect(sent.status).toBe(202);
  quote = sent.body;
  const rotated = await api.post("/api/external/email/inbound-secret");
  expect(rotated.status).toBe(201);
  secret = rotated.body.secret;
});

describe("inbound email", () => {
  test("a multipart reply: sender's contact, threaded to the quote, attachments as documents", async () => {
    const reply = await deliver(await fixture("reply-multipart.eml"));
    expect(reply.status).toBe(201);
    const email = reply.body;
    expect(email).toMatchObject({
      type: "email",
      direction: "inbound",
      status: "received",
      contact_id: ann,
      company_id: globex,
      from: "ann@globex.test",
      to: ["sales@acme.test"],
      cc: ["boss@globex.test"],
      subject: "Re: Your quote",
      message_id: "reply-1@globex.test",
      in_reply_to: quote.message_id,
      references: [quote.message_id],
      thread_id: quote.thread_id,
    });
    expect(email.text.trim()).toBe("Thanks, signed ✓ — see attached.");
    expect(email.html).toContain("<p>Thanks, signed");
    expect(email.attachments).toHaveLength(2);
    const [pdf, png] = await Promise.all(
      email.attachments.map(
        async (id: string) => (await api.get(`/api/external/documents/${id}`)).body,
      ),
    );
    expect(pdf).toMatchObject({
      name: "contract.pdf",
      mime_type: "application/pdf",
      contact_id: ann,
    });
    expect(png).toMatchObject({ name: "Grüße.png", mime_type: "image/png" });
    const download = await fetch(`${server.url}/api/external/documents/${pdf.id}/download`, {
      headers: api.headers,
    });
    expect(await download.text()).toBe("%PDF-1.4\n% signed contract\n");
    const events = await eventsFor(server, email.id);
    expect(events.map((e) => e.event_type)).toEqual(["email.received"]);

    const timeline = await api.get(`/api/external/interactions?contact_id=${ann}&type=email`);
    expect(timeline.body.interactions.map((i: any) => i.id)).toEqual(
      expect.arrayContaining([email.id, quote.id]),
    );
  });

  test("a relay's retry of the same message records it once", async () => {
    const again = await deliver(await fixture("reply-multipart.eml"));
    expect(again.status).toBe(200);
    expect(again.body.message_id).toBe("reply-1@globex.test");
    expect((await eventsFor(server, again.body.id)).length).toBe(1);
  });

  test("a relay's retry of a message without a Message-ID records it once", async () => {
    const raw = new TextEncoder().encode(
      "From: ann@globex.test\r\nSubject: No id\r\nDate: Mon, 2 Mar 2026 09:00:00 +0000\r\n\r\nSent from a phone\r\n",
    );
    const first = await deliver(raw);
    const retry = await deliver(raw);
    expect([first.status, retry.status]).toEqual([201, 200]);
    expect(retry.body.id).toBe(first.body.id);
    expect((await eventsFor(server, first.body.id)).map((e) => e.event_type)).toEqual([
      "email.received",
    ]);
    const other = new TextEncoder().encode(
      "From: ann@globex.test\r\nSubject: No id\r\nDate: Mon, 2 Mar 2026 09:05:00 +0000\r\n\r\nSent from a phone\r\n",
    );
    expect((await deliver(other)).status).toBe(201);
  });

  test("ISO-8859-1 from an unknown sender: a new contact from the display name", async () => {
    const reply = await deliver(await fixture("latin1-new-sender.eml"));
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({
      subject: "Grüße aus München",
      from: "joerg@unknown.test",
      thread_id: reply.body.id,
      in_reply_to: null,
    });
    expect(reply.body.text.trim()).toBe("Grüße aus München, Jörg");
    const contact = (await api.get(`/api/external/contacts/${reply.body.contact_id}`)).body;
    expect(contact).toMatchObject({ first_name: "Jörg", last_name: "Müller" });
    expect(contact.email[0].email).toBe("joerg@unknown.test");
  });

  test("KOI8-R, threaded by References when there is no In-Reply-To", async () => {
    const reply = await deliver(await fixture("koi8r-references.eml"));
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ subject: "Вопрос", thread_id: quote.thread_id });
    expect(reply.body.text.trim()).toBe("Привет, есть вопрос");
    const contact = (await api.get(`/api/external/contacts/${reply.body.contact_id}`)).body;
    expect(contact).toMatchObject({ first_name: "Мурат", last_name: "Ильин" });
  });

  test("the secret decides the tenant: wrong or missing is 401; another tenant's records there only", async () => {
    const raw = await fixture("reply-multipart.eml");
    expect((await deliver(raw, basic("inb_wrong"))).status).toBe(401);
    expect((await deliver(raw, "")).status).toBe(401);
    const other = await server.tenant();
    const otherSecret = (await other.api.post("/api/external/email/inbound-secret")).body.secret;
    const there = await deliver(raw, basic(otherSecret));
    expect(there.status).toBe(201);
    expect(there.body.contact_id).not.toBe(ann);
    expect(there.body.thread_id).toBe(there.body.id); // the quote is not that tenant's
    expect((await other.api.get(`/api/external/interactions/${there.body.id}`)).status).toBe(200);
    expect((await api.get(`/api/external/interactions/${there.body.id}`)).status).toBe(404);
  });

  test("rotating the secret retires the old one", async () => {
    const old = secret;
    secret = (await api.post("/api/external/email/inbound-secret")).body.secret;
    const raw = await fixture("latin1-new-sender.eml");
    expect((await deliver(raw, basic(old))).status).toBe(401);
    expect((await deliver(raw, basic(secret))).status).toBe(200);
  });

  test("a copy of a message crmd sent (Bcc to the inbound address) is that message: not stored again", async () => {
    const { api: tenant } = await server.tenant();
    const relay = basic((await tenant.post("/api/external/email/inbound-secret")).body.secret);
    const sent = (
      await tenant.post("/api/external/email/send", {
        to: ["bea@initech.test"],
        bcc: ["crm@inbound.acme.test"],
        subject: "Proposal",
        text: "Attached",
      })
    ).body;
    const copy = new TextEncoder().encode(
      `From: sales@acme.test\r\nTo: bea@initech.test\r\nSubject: Proposal\r\nMessage-ID: <${sent.message_id}>\r\n\r\nAttached\r\n`,
    );
    const first = await deliver(copy, relay);
    const retry = await deliver(copy, relay);
    expect([first.status, retry.status]).toEqual([200, 200]);
    expect([first.body.id, retry.body.id]).toEqual([sent.id, sent.id]);
    const reply = new TextEncoder().encode(
      `From: bea@initech.test\r\nSubject: Re: Proposal\r\nMessage-ID: <bea-1@initech.test>\r\nIn-Reply-To: <${sent.message_id}>\r\n\r\nLooks good\r\n`,
    );
    expect((await deliver(reply, relay)).body.thread_id).toBe(sent.thread_id);
    const emails = (await tenant.get("/api/external/interactions?type=email")).body.interactions;
    expect(emails.map((e: any) => e.subject).sort()).toEqual(["Proposal", "Re: Proposal"]);
  });

  test("a sender named 'Last, First' (as Outlook and Exchange write it) becomes that first and last name", async () => {
    const raw = new TextEncoder().encode(
      'From: "van der Berg, Jan" <jan@initech.test>\r\nSubject: Hello\r\nMessage-ID: <jan-1@initech.test>\r\n\r\nHi\r\n',
    );
    const reply = await deliver(raw);
    expect(reply.status).toBe(201);
    const contact = (await api.get(`/api/external/contacts/${reply.body.contact_id}`)).body;
    expect(contact).toMatchObject({ first_name: "Jan", last_name: "van der Berg" });
  });

  test("answering a reply that had In-Reply-To but no References keeps the whole chain in References", async () => {
    const raw = new TextEncoder().encode(
      `From: ann@globex.test\r\nSubject: Re: Your quote\r\nMessage-ID: <reply-2@globex.test>\r\nIn-Reply-To: <${quote.message_id}>\r\n\r\nOne question\r\n`,
    );
    const received = (await deliver(raw)).body;
    expect(received).toMatchObject({ in_reply_to: quote.message_id, references: [] });
    const answer = await api.post("/api/external/email/send", {
      contact_id: ann,
      subject: "Re: Your quote",
      text: "Sure",
      in_reply_to: received.id,
    });
    expect(answer.body).toMatchObject({
      in_reply_to: "reply-2@globex.test",
      references: [quote.message_id, "reply-2@globex.test"],
      thread_id: quote.thread_id,
    });
  });

  test("an In-Reply-To with words around the id (obsolete syntax) keeps only the id, also in a reply's References", async () => {
    const raw = new TextEncoder().encode(
      `From: ann@globex.test\r\nSubject: Re: Your quote\r\nMessage-ID: <reply-3@globex.test>\r\nIn-Reply-To: Your message of "Mon, 2 Mar 2026 09:00:00 +0000"\r\n <${quote.message_id}>\r\n\r\nOK\r\n`,
    );
    const received = (await deliver(raw)).body;
    expect(received).toMatchObject({ in_reply_to: quote.message_id, thread_id: quote.thread_id });
    const answer = await api.post("/api/external/email/send", {
      contact_id: ann,
      subject: "Re: Your quote",
      text: "Good",
      in_reply_to: received.id,
    });
    expect(answer.body.references).toEqual([quote.message_id, "reply-3@globex.test"]);
  });

  test("a reply joins the thread of an email whose deal was deleted since, without linking that deal", async () => {
    await salesPipeline(api);
    const deal = (await created(api, "/deals", { title: "Globex pilot" })).id;
    const sent = (
      await api.post("/api/external/email/send", {
        contact_id: ann,
        deal_id: deal,
        subject: "Pilot",
        text: "x",
      })
    ).body;
    const raw = (n: number) =>
      new TextEncoder().encode(
        [
          "From: Ann <ann@globex.test>",
          "To: sales@acme.test",
          "Subject: Re: Pilot",
          `Message-ID: <pilot-${n}@globex.test>`,
          `In-Reply-To: <${sent.message_id}>`,
          "",
          "Sure.",
          "",
        ].join("\r\n"),
      );
    expect((await deliver(raw(1))).body).toMatchObject({ deal_id: deal, thread_id: sent.id });
    expect((await api.delete(`/api/external/deals/${deal}`)).status).toBe(200);
    const after = await deliver(raw(2));
    expect(after.status).toBe(201);
    expect(after.body).toMatchObject({ deal_id: null, company_id: globex, thread_id: sent.id });
  });

  test("a message without a From address is 422 and records nothing", async () => {
    const emails = async () => (await api.get("/api/external/interactions?type=email")).body.total;
    const before = await emails();
    const raw = new TextEncoder().encode("Subject: hi\r\n\r\nno sender\r\n");
    const reply = await deliver(raw);
    expect(reply.status).toBe(422);
    expect(await emails()).toBe(before);
  });
});

describe("keys:manage is no way to write through the relay", () => {
  test("the inbound secret goes only to a key that holds what the relay writes and answers", async () => {
    const { tenantId, api: owner } = await server.tenant();
    const manager = await server.keyFor(tenantId, ["keys:manage"]);
    // The manager may not create contacts or documents itself...
    expect((await manager.post("/api/external/contacts", { first_name: "Eve" })).status).toBe(403);
    // ...so it may not get the secret that makes the relay create them.
    const refused = await manager.post("/api/external/email/inbound-secret");
    expect(refused.status).toBe(403);
    expect(refused.body.secret).toBeUndefined();
    const raw = new TextEncoder().encode(
      "From: Eve <eve@example.com>\r\nSubject: hi\r\nMessage-ID: <side-door@example.com>\r\n\r\nhello\r\n",
    );
    const contacts = async () => (await owner.get("/api/external/contacts")).body.total;
    const before = await contacts();
    expect((await deliver(raw, basic("inb_none"))).status).toBe(401);
    expect(await contacts()).toBe(before);
    // A key holding them may.
    const relayOwner = await server.keyFor(tenantId, [
      "keys:manage",
      "contacts:write",
      "documents:write",
      "interactions:read",
    ]);
    const made = await relayOwner.post("/api/external/email/inbound-secret");
    expect(made.status).toBe(201);
    expect((await deliver(raw, basic(made.body.secret))).status).toBe(201);
    expect(await contacts()).toBe(before + 1);
  });
});
