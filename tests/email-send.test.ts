import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { openDatabase } from "../db/client";
import { interactions } from "../db/schema";
import type { OutboundSender } from "../plugins/interactions/sender";
import { ManualClock } from "../src/clock";
import { created, expect422 } from "./helpers/api";
import { eventsFor } from "./helpers/records";
import { type Api, startTestServer } from "./helpers/server";
import { type Answer, type RcptAnswer, startSmtpServer, type TestSmtpServer } from "./helpers/smtp";
import { useTestServer } from "./helpers/suite";
import { salesPipeline } from "./sales-fixtures";

const clock = new ManualClock(new Date("2026-03-02T09:00:00.000Z"));
let smtp: TestSmtpServer;
let answer: Answer = () => undefined;
let rcptAnswer: RcptAnswer = async () => undefined;
let smtpUrl = "";

beforeAll(async () => {
  smtp = await startSmtpServer(
    (n, email) => answer(n, email),
    undefined,
    undefined,
    (address) => rcptAnswer(address),
  );
  smtpUrl = smtp.url;
});
afterAll(() => smtp.close());

const server = useTestServer({
  clock,
  config: {
    rateLimit: 100_000,
    get smtpUrl() {
      return smtpUrl;
    },
    emailFrom: "Acme Sales <sales@acme.test>",
    sendRetrySchedule: [60, 300],
    sendMaxPerHour: 1000,
  },
});
let api: Api;
let tenant: string;
let contact: string;
let company: string;

const sender = () => server.ctx.workers.find((w) => w.name === "outbound-sender") as OutboundSender;
const send = (body: Record<string, unknown>, client = api) =>
  client.post("/api/external/email/send", body);
const interaction = async (id: string) => (await api.get(`/api/external/interactions/${id}`)).body;

async function upload(name: string, type: string, content: string): Promise<string> {
  const form = new FormData();
  form.append("file", new File([content], name, { type }));
  const reply = await fetch(`${server.url}/api/external/documents`, {
    method: "POST",
    headers: api.headers,
    body: form,
  });
  expect(reply.status).toBe(201);
  return ((await reply.json()) as { id: string }).id;
}

beforeAll(async () => {
  ({ api, tenantId: tenant } = await server.tenant());
  company = (await created(api, "/companies", { name: "Globex" })).id;
  contact = (
    await created(api, "/contacts", {
      first_name: "Ann",
      last_name: "Lee",
      email: [{ email: "ann@globex.test", type: "work" }],
      company_id: company,
    })
  ).id;
});

describe("sending over SMTP", () => {
  test("to: one address as a string (seed 002) or a list; documented as oneOf", async () => {
    const single = await send({ to: "ann@globex.test", subject: "One", text: "Hi" });
    expect(single.status).toBe(202);
    expect(single.body).toMatchObject({ to: ["ann@globex.test"], contact_id: contact });
    expect422(await send({ to: "not an address", subject: "x", text: "x" }), "/to");
    const doc = (await fetch(`${server.url}/swagger/json`).then((r) => r.json())) as {
      paths: Record<
        string,
        { post: { requestBody: { content: Record<string, { schema: unknown }> } } }
      >;
      components: { schemas: Record<string, { properties: Record<string, unknown> }> };
    };
    const body = doc.paths["/api/external/email/send"].post.requestBody.content["application/json"]
      .schema as { $ref?: string; properties?: Record<string, unknown> };
    const schema = body.$ref
      ? doc.components.schemas[body.$ref.split("/").pop() as string]
      : (body as { properties: Record<string, unknown> });
    const to = schema.properties.to as { oneOf: Array<{ type: string }> };
    expect(to.oneOf.map((branch) => branch.type)).toEqual(["string", "array"]);
  });

  test("202 queued, then the SMTP server receives headers, body, attachments; email.sent", async () => {
    const pdf = await upload("quote.pdf", "application/pdf", "%PDF-1.4 quote");
    const reply = await send({
      contact_id: contact,
      cc: ["boss@globex.test"],
      bcc: ["archive@acme.test"],
      reply_to: "replies@acme.test",
      subject: "Your quote, {{ contact.first_name }}",
      text: "Hello {{contact.first_name}}, the total is {{ total }}.",
      html: "<p>Hello {{ contact.first_name }}, total: <b>{{total}}</b> {{ note }}</p>",
      variables: { total: "1,200 EUR", note: "<script>" },
      attachments: [pdf],
    });
    expect(reply.status).toBe(202);
    expect(reply.body).toMatchObject({
      type: "email",
      direction: "outbound",
      status: "queued",
      contact_id: contact,
      company_id: company,
      to: ["ann@globex.test"],
      subject: "Your quote, Ann",
      attempts: 0,
    });
    const { id, message_id } = reply.body;
    expect(message_id).toMatch(/^[\w-]+@acme\.test$/);
    expect(reply.body.thread_id).toBe(id);

    await sender().drain();
    const [got] = smtp.received.slice(-1);
    expect(got.mailFrom).toBe("sales@acme.test");
    expect(got.rcptTo.sort()).toEqual(["ann@globex.test", "archive@acme.test", "boss@globex.test"]);
    const { email } = got;
    expect(email.messageId).toBe(`<${message_id}>`);
    expect(email.from).toMatchObject({ name: "Acme Sales", address: "sales@acme.test" });
    expect(email.to?.map((a) => a.address)).toEqual(["ann@globex.test"]);
    expect(email.cc?.map((a) => a.address)).toEqual(["boss@globex.test"]);
    expect(email.bcc ?? []).toEqual([]); // Bcc is envelope only, never a header
    expect(email.replyTo?.map((a) => a.address)).toEqual(["replies@acme.test"]);
    expect(email.subject).toBe("Your quote, Ann");
    expect(email.text?.trim()).toBe("Hello Ann, the total is 1,200 EUR.");
    expect(email.html).toContain("total: <b>1,200 EUR</b> &lt;script&gt;");
    expect(email.attachments).toHaveLength(1);
    expect(email.attachments[0]).toMatchObject({
      filename: "quote.pdf",
      mimeType: "application/pdf",
    });
    expect(Buffer.from(email.attachments[0].content as ArrayBuffer).toString()).toBe(
      "%PDF-1.4 quote",
    );
    expect(email.headers.find((h) => h.key === "x-crmd-interaction-id")?.value).toBe(id);

    const sent = await interaction(id);
    expect(sent).toMatchObject({ status: "sent", attempts: 1, sent_at: clock.now().toISOString() });
    expect(sent.provider_response).toContain("Queued as");
    const events = await eventsFor(server, id);
    expect(events.map((e) => e.event_type)).toEqual(["email.sent"]);
    expect(events[0].data.status).toBe("sent");
  });

  test("a reply threads with In-Reply-To and References and joins the thread", async () => {
    const first = (await send({ to: ["ann@globex.test"], subject: "Intro", text: "Hi" })).body;
    const second = (
      await send({
        to: ["ann@globex.test"],
        subject: "Re: Intro",
        text: "Again",
        in_reply_to: first.id,
      })
    ).body;
    const third = (
      await send({
        to: ["ann@globex.test"],
        subject: "Re: Intro",
        text: "3rd",
        in_reply_to: second.id,
      })
    ).body;
    expect(second).toMatchObject({ in_reply_to: first.message_id, thread_id: first.id });
    expect(third.references).toEqual([first.message_id, second.message_id]);
    expect(third.contact_id).toBe(contact); // matched by address
    await sender().drain();
    const email = smtp.received.find((r) => r.email.messageId === `<${third.message_id}>`)?.email;
    expect(email?.inReplyTo).toBe(`<${second.message_id}>`);
    expect(email?.references).toBe(`<${first.message_id}> <${second.message_id}>`);
  });

  test("a 4xx answer is retried after the schedule's delay with the same Message-ID, then sent", async () => {
    let tempfail = true;
    answer = () => (tempfail ? { code: 451, message: "Try again later" } : undefined);
    const { id, message_id } = (await send({ contact_id: contact, subject: "Retry", text: "x" }))
      .body;
    await sender().drain();
    const waiting = await interaction(id);
    expect(waiting).toMatchObject({ status: "queued", attempts: 1 });
    expect(waiting.provider_response).toContain("451");
    tempfail = false;
    await sender().drain(); // not due yet
    expect((await interaction(id)).attempts).toBe(1);
    clock.advance(60_000);
    await sender().drain();
    expect(await interaction(id)).toMatchObject({ status: "sent", attempts: 2 });
    expect(smtp.attempts.filter((m) => m === `<${message_id}>`)).toHaveLength(2);
    expect((await eventsFor(server, id)).map((e) => e.event_type)).toEqual(["email.sent"]);
    answer = () => undefined;
  });

  test("recipients the server defers (452) while taking the rest are retried alone, then it is sent", async () => {
    rcptAnswer = async (address) =>
      address === "late@globex.test"
        ? { code: 452, message: "4.5.3 Too many recipients" }
        : undefined;
    const { id, message_id } = (
      await send({
        to: ["ann@globex.test", "late@globex.test"],
        cc: ["boss@globex.test"],
        subject: "Deferred",
        text: "x",
      })
    ).body;
    await sender().drain();
    const waiting = await interaction(id);
    expect(waiting).toMatchObject({ status: "queued", attempts: 1, sent_at: null });
    expect(waiting.provider_response).toContain("rejected: late@globex.test");
    expect(await eventsFor(server, id)).toEqual([]);
    rcptAnswer = async () => undefined;
    clock.advance(60_000);
    await sender().drain();
    expect(await interaction(id)).toMatchObject({ status: "sent", attempts: 2 });
    const copies = smtp.received.filter((r) => r.email.messageId === `<${message_id}>`);
    expect(copies.map((copy) => copy.rcptTo.sort())).toEqual([
      ["ann@globex.test", "boss@globex.test"],
      ["late@globex.test"],
    ]);
    // The same message: its headers name everyone.
    expect(copies[1].email.to?.map((a) => a.address)).toEqual([
      "ann@globex.test",
      "late@globex.test",
    ]);
    expect((await eventsFor(server, id)).map((e) => e.event_type)).toEqual(["email.sent"]);
  });

  test("a deferred recipient refused for good on the retry leaves the email sent, not failed", async () => {
    rcptAnswer = async (address) =>
      address === "away@globex.test"
        ? { code: 450, message: "4.1.1 Verifying address" }
        : undefined;
    const { id } = (
      await send({ to: ["ann@globex.test", "away@globex.test"], subject: "Half", text: "x" })
    ).body;
    await sender().drain();
    rcptAnswer = async (address) =>
      address === "away@globex.test" ? { code: 550, message: "5.1.1 No such user" } : undefined;
    clock.advance(60_000);
    await sender().drain();
    const sent = await interaction(id);
    expect(sent).toMatchObject({ status: "sent", attempts: 2 });
    expect(sent.provider_response).toContain("550 5.1.1 No such user");
    expect((await eventsFor(server, id)).map((e) => e.event_type)).toEqual(["email.sent"]);
    rcptAnswer = async () => undefined;
  });

  test("a 5xx answer fails at once with the server's answer; email.failed", async () => {
    answer = () => ({ code: 550, message: "Mailbox unavailable" });
    const { id } = (await send({ to: ["gone@globex.test"], subject: "x", text: "x" })).body;
    await sender().drain();
    const failed = await interaction(id);
    expect(failed).toMatchObject({ status: "failed", attempts: 1, sent_at: null });
    expect(failed.provider_response).toContain("550 Mailbox unavailable");
    expect((await eventsFor(server, id)).map((e) => e.event_type)).toEqual(["email.failed"]);
    answer = () => undefined;
  });

  test("wrong SMTP credentials (535) keep the email queued and retried on the schedule, with a warning", async () => {
    const wrongPassword = smtp.url.replace(/:[^:@/]+@/, ":wrong-password@");
    const misconfigured = await startTestServer({
      clock,
      captureLogs: true,
      config: { smtpUrl: wrongPassword, emailFrom: "sales@acme.test", sendRetrySchedule: [60] },
    });
    try {
      const { api: client } = await misconfigured.tenant();
      const queued = (await send({ to: ["ann@globex.test"], subject: "x", text: "x" }, client))
        .body;
      const drain = () =>
        (
          misconfigured.ctx.workers.find((w) => w.name === "outbound-sender") as OutboundSender
        ).drain();
      const read = async () => (await client.get(`/api/external/interactions/${queued.id}`)).body;
      await drain();
      const waiting = await read();
      expect(waiting).toMatchObject({ status: "queued", attempts: 1 });
      expect(waiting.provider_response).toContain("535");
      expect(misconfigured.logs).toContainEqual(
        expect.objectContaining({
          level: "warn",
          msg: expect.stringContaining("SMTP authentication failed"),
          interaction_id: queued.id,
          response_code: 535,
        }),
      );
      clock.advance(60_000);
      await drain();
      expect(await read()).toMatchObject({ status: "failed", attempts: 2 });
    } finally {
      await misconfigured.close();
    }
  });

  test("4xx on every attempt: failed once the retry schedule is used up", async () => {
    answer = () => ({ code: 421, message: "Service not available" });
    const { id } = (await send({ to: ["slow@globex.test"], subject: "x", text: "x" })).body;
    for (const delay of [0, 60_000, 300_000]) {
      clock.advance(delay);
      await sender().drain();
    }
    expect(await interaction(id)).toMatchObject({ status: "failed", attempts: 3 });
    expect((await eventsFor(server, id)).map((e) => e.event_type)).toEqual(["email.failed"]);
    answer = () => undefined;
  });
});

describe("validation and limits", () => {
  test("bad requests are 422 and queue nothing", async () => {
    const emails = async () => (await api.get("/api/external/interactions?type=email")).body.total;
    const before = await emails();
    const external = (await created(api, "/documents", { url: "https://files.test/a.pdf" })).id;
    expect422(await send({ to: ["a@b.test"], subject: "x" }), "/text");
    expect422(await send({ subject: "x", text: "x" }), "/to");
    expect422(await send({ to: ["a@b.test"], subject: "Hi {{ name }}", text: "x" }), "/subject");
    expect422(
      await send({ to: ["a@b.test"], subject: "x", text: "x", attachments: [external] }),
      "/attachments/0",
    );
    expect422(await send({ to: ["not-an-address"], subject: "x", text: "x" }), "/to/0");
    expect422(
      await send({ contact_id: crypto.randomUUID(), subject: "x", text: "x" }),
      "/contact_id",
    );
    const noEmail = (await created(api, "/contacts", { first_name: "NoMail" })).id;
    expect422(await send({ contact_id: noEmail, subject: "x", text: "x" }), "/to");
    expect422(
      await send({ to: ["a@b.test"], subject: "x", text: "x", in_reply_to: crypto.randomUUID() }),
      "/in_reply_to",
    );
    expect(await emails()).toBe(before);
  });

  test("from is an address or Name <address>; anything else is 422 at /from", async () => {
    const email = { to: ["ann@globex.test"], subject: "x", text: "x" };
    for (const from of [
      "not an address",
      "Sales <sales@>",
      "sales@acme.test>",
      "Sales <a@b.test> x",
    ])
      expect422(await send({ ...email, from }), "/from");
    for (const from of [
      "sales@acme.test",
      "Acme Sales <sales@acme.test>",
      '"Lee, Ann" <ann@acme.test>',
    ])
      expect((await send({ ...email, from })).body).toMatchObject({ status: "queued", from });
  });

  test("email:send is needed", async () => {
    const { tenantId } = await server.tenant();
    const reader = await server.keyFor(tenantId, ["interactions:read", "write"]);
    expect((await send({ to: ["a@b.test"], subject: "x", text: "x" }, reader)).status).toBe(403);
  });

  test("attaching documents needs documents:read, as downloading them does", async () => {
    const pdf = await upload("price-list.pdf", "application/pdf", "%PDF-1.4 prices");
    const email = { to: ["a@b.test"], subject: "x", text: "x", attachments: [pdf] };
    const senderOnly = await server.keyFor(tenant, ["email:send"]);
    const refused = await send(email, senderOnly);
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toContain("documents:read");
    expect((await send({ ...email, attachments: [] }, senderOnly)).status).toBe(202);
    const withDocuments = await server.keyFor(tenant, ["email:send", "documents:read"]);
    expect((await send(email, withDocuments)).status).toBe(202);
  });

  test("addressing a contact (contact_id, {{contact.*}} filled from it) needs contacts:read", async () => {
    const senderOnly = await server.keyFor(tenant, ["email:send"]);
    const refusals = [
      { contact_id: contact, subject: "x", text: "x" },
      { contact_id: Bun.randomUUIDv7(), subject: "x", text: "x" },
      // the contact found by the address would fill these
      { to: ["ann@globex.test"], subject: "For {{contact.last_name}}", text: "x" },
      { to: ["ann@globex.test"], subject: "x", text: "x", html: "<p>{{ contact.title }}</p>" },
    ];
    for (const email of refusals) {
      const refused = await send(email, senderOnly);
      expect(refused.status).toBe(403);
      expect(refused.body.detail).toContain("contacts:read");
    }
    const own = await send(
      {
        to: ["ann@globex.test"],
        subject: "For {{contact.last_name}}",
        text: "x",
        variables: { "contact.last_name": "Mine" },
      },
      senderOnly,
    );
    expect(own.status).toBe(202);
    expect(own.body.subject).toBe("For Mine");
    const withContacts = await server.keyFor(tenant, ["email:send", "contacts:read"]);
    const sent = await send(
      { contact_id: contact, subject: "For {{contact.last_name}}", text: "x" },
      withContacts,
    );
    expect(sent.status).toBe(202);
    expect(sent.body).toMatchObject({ to: ["ann@globex.test"], subject: "For Lee" });
  });

  test("the contact and company a plain `to` links to show only to a key reading interactions or contacts", async () => {
    const email = { to: ["ann@globex.test"], subject: "x", text: "x" };
    const senderOnly = await server.keyFor(tenant, ["email:send"]);
    const sent = await send(email, senderOnly);
    expect(sent.status).toBe(202);
    expect(sent.body).not.toHaveProperty("contact_id");
    expect(sent.body).not.toHaveProperty("company_id");
    expect(sent.body).toMatchObject({ to: ["ann@globex.test"], status: "queued" });
    // Linked all the same.
    expect(await interaction(sent.body.id)).toMatchObject({
      contact_id: contact,
      company_id: company,
    });
    for (const scopes of [
      ["email:send", "interactions:read"],
      ["email:send", "contacts:read"],
    ]) {
      const reader = await server.keyFor(tenant, scopes);
      const shown = await send(email, reader);
      expect(shown.status).toBe(202);
      expect(shown.body).toMatchObject({ contact_id: contact, company_id: company });
    }
  });

  test("answering an email (in_reply_to) needs interactions:read, checked before the id is looked up", async () => {
    const first = (await send({ to: ["ann@globex.test"], subject: "Intro", text: "Hi" })).body;
    const reply = { to: ["ann@globex.test"], subject: "Re: Intro", text: "x" };
    for (const scopes of [["email:send"], ["email:send", "contacts:read"]]) {
      const key = await server.keyFor(tenant, scopes);
      for (const in_reply_to of [first.id, crypto.randomUUID()]) {
        const refused = await send({ ...reply, in_reply_to }, key);
        expect(refused.status).toBe(403);
        expect(refused.body.detail).toContain("interactions:read");
      }
    }
    const reader = await server.keyFor(tenant, ["email:send", "interactions:read"]);
    const answered = await send({ ...reply, in_reply_to: first.id }, reader);
    expect(answered.status).toBe(202);
    expect(answered.body).toMatchObject({ in_reply_to: first.message_id, thread_id: first.id });
  });

  test("a reply takes the earlier email's deal, and its company when the recipient has none, unless given", async () => {
    await salesPipeline(api);
    const deal = (await created(api, "/deals", { title: "Globex renewal" })).id;
    const other = (await created(api, "/deals", { title: "Globex upsell" })).id;
    const first = (
      await send({ contact_id: contact, deal_id: deal, subject: "Renewal", text: "Hi" })
    ).body;
    const reply = { subject: "Re: Renewal", text: "x", in_reply_to: first.id };
    // To an address no contact has: the thread's deal and company.
    const outsider = (await send({ ...reply, to: ["assistant@elsewhere.test"] })).body;
    expect(outsider).toMatchObject({ contact_id: null, company_id: company, deal_id: deal });
    expect(await interaction(outsider.id)).toMatchObject({ company_id: company, deal_id: deal });
    const given = (await send({ ...reply, contact_id: contact, deal_id: other })).body;
    expect(given).toMatchObject({ contact_id: contact, company_id: company, deal_id: other });
    // A deal deleted since is not linked again.
    expect((await api.delete(`/api/external/deals/${deal}`)).status).toBe(200);
    const later = (await send({ ...reply, contact_id: contact })).body;
    expect(later).toMatchObject({ deal_id: null, thread_id: first.id });
  });

  test("the tenant's hourly send limit: 429 with Retry-After, other tenants unaffected", async () => {
    server.ctx.config.sendMaxPerHour = 2;
    try {
      const { api: limited } = await server.tenant();
      const body = { to: ["a@b.test"], subject: "x", text: "x" };
      expect((await send(body, limited)).status).toBe(202);
      clock.advance(600_000);
      expect((await send(body, limited)).status).toBe(202);
      const refused = await send(body, limited);
      expect(refused.status).toBe(429);
      expect(refused.body.code).toBe("SEND_LIMIT_EXCEEDED");
      expect(refused.headers.get("retry-after")).toBe(String(3000));
      const { api: fresh } = await server.tenant();
      expect((await send(body, fresh)).status).toBe(202);
      clock.advance(3_000_001); // the first send leaves the hour
      expect((await send(body, limited)).status).toBe(202);
    } finally {
      server.ctx.config.sendMaxPerHour = 1000;
    }
  });
});

describe("consent", () => {
  test("a contact who opted out of email is refused in Cc and Bcc as in To: 409, nothing queued", async () => {
    const olga = (
      await created(api, "/contacts", {
        first_name: "Olga",
        email: [{ email: "olga@globex.test" }],
        email_opt_out: true,
      })
    ).id;
    const emails = async () => (await api.get("/api/external/interactions?type=email")).body.total;
    const before = await emails();
    const email = { to: ["ann@globex.test"], subject: "News", text: "x" };
    for (const recipients of [
      { to: ["olga@globex.test"] },
      { cc: ["olga@globex.test"] },
      { bcc: ["OLGA@globex.test"] },
    ]) {
      const refused = await send({ ...email, ...recipients });
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({ code: "OPTED_OUT" });
      expect(refused.body.detail).toContain(`The contact ${olga} opted out of email`);
    }
    expect(await emails()).toBe(before);
  });
});

describe("consent with duplicate contacts", () => {
  test("an address two contacts share is refused when either opted out, not only the oldest", async () => {
    await created(api, "/contacts", { first_name: "Rita", email: [{ email: "rita@globex.test" }] });
    const duplicate = (
      await created(api, "/contacts", {
        first_name: "Rita (imported)",
        email: [{ email: "Rita@globex.test" }],
        email_opt_out: true,
      })
    ).id;
    for (const recipients of [{ to: ["rita@globex.test"] }, { cc: ["rita@globex.test"] }]) {
      const refused = await send({
        to: ["ann@globex.test"],
        ...recipients,
        subject: "x",
        text: "x",
      });
      expect(refused.status).toBe(409);
      expect(refused.body.detail).toContain(`The contact ${duplicate} opted out of email`);
    }
  });
});

describe("consent at send time", () => {
  test("an email queued before a recipient (a Cc too) opted out is not sent: failed with the reason", async () => {
    await sender().drain();
    const piet = (
      await created(api, "/contacts", {
        first_name: "Piet",
        email: [{ email: "piet@globex.test" }],
      })
    ).id;
    const { id } = (
      await send({ to: ["ann@globex.test"], cc: ["piet@globex.test"], subject: "x", text: "x" })
    ).body;
    expect(
      (await api.patch(`/api/external/contacts/${piet}`, { email_opt_out: true })).status,
    ).toBe(200);
    const attempted = smtp.attempts.length;
    await sender().drain();
    expect(smtp.attempts.length).toBe(attempted);
    const failed = await interaction(id);
    expect(failed).toMatchObject({ status: "failed", attempts: 0, sent_at: null });
    expect(failed.provider_response).toContain(`The contact ${piet} opted out of email`);
    expect((await eventsFor(server, id)).map((e) => e.event_type)).toEqual(["email.failed"]);
  });
});

describe("the sender stops cleanly", () => {
  test("a send in flight when the server stops finishes and is recorded", async () => {
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const holding = await startSmtpServer(undefined, () => held);
    const dir = mkdtempSync(join(tmpdir(), "crmd-stop-"));
    try {
      const running = await startTestServer({
        dir,
        config: { workers: true, smtpUrl: holding.url, emailFrom: "sales@acme.test" },
      });
      const { api: client } = await running.tenant();
      const { id } = (await send({ to: ["ann@globex.test"], subject: "x", text: "x" }, client))
        .body;
      const deadline = Date.now() + 10_000;
      while (holding.received.length === 0 && Date.now() < deadline) await Bun.sleep(10);
      expect(holding.received).toHaveLength(1); // on the server, its answer held
      // The server answers a while after the sender is asked to stop (the
      // database would be closed by then): stopping must wait for the answer.
      const worker = running.ctx.workers.find(
        (w) => w.name === "outbound-sender",
      ) as OutboundSender;
      const stop = worker.stop.bind(worker);
      worker.stop = () => {
        setTimeout(release, 200);
        return stop();
      };
      await running.close();
      const db = await openDatabase(running.ctx.config.databaseUrl);
      const [row] = await db.read.select().from(interactions).where(eq(interactions.id, id));
      await db.close();
      expect(row).toMatchObject({ status: "sent", attempts: 1, leaseUntil: null });
    } finally {
      await holding.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("several instances", () => {
  test("a send that outlasts one lease is not taken up and sent again by another instance", async () => {
    // Each answer comes well within the timeout, the whole send takes longer than a lease.
    const asked: string[] = [];
    const tarpit = await startSmtpServer(undefined, undefined, undefined, async (address) => {
      asked.push(address);
      await Bun.sleep(200);
      return undefined;
    });
    const dir = mkdtempSync(join(tmpdir(), "crmd-lease-"));
    const config = {
      workers: true,
      smtpUrl: tarpit.url,
      emailFrom: "sales@acme.test",
      sendTimeoutMs: 1000, // a lease of 5 s; 30 recipients take 6 s
    };
    const a = await startTestServer({ dir, config });
    const b = await startTestServer({ dir, config });
    try {
      const { api: client } = await a.tenant();
      const to = Array.from({ length: 30 }, (_, i) => `r${i}@globex.test`);
      const { id } = (await send({ to, subject: "x", text: "x" }, client)).body;
      const deadline = Date.now() + 20_000;
      let status = "queued";
      while (status === "queued" && Date.now() < deadline) {
        await Bun.sleep(200);
        status = (await client.get(`/api/external/interactions/${id}`)).body.status;
      }
      expect(status).toBe("sent");
      // A second send would have begun when the lease ran out, before the first ended.
      await Bun.sleep(1_000);
      expect(asked.filter((address) => address === "r0@globex.test")).toHaveLength(1);
      expect(tarpit.attempts).toHaveLength(1);
    } finally {
      await a.close();
      await b.close();
      await tarpit.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});
