import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { createHmac } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { OutboundSender } from "../plugins/interactions/sender";
import { ManualClock } from "../src/clock";
import { created, expect422 } from "./helpers/api";
import { eventsFor } from "./helpers/records";
import type { Api } from "./helpers/server";
import { useTestServer } from "./helpers/suite";
import { startTwilio, type TwilioRequest } from "./helpers/twilio";

const SID = "AC00000000000000000000000000000001";
const TOKEN = "twilio-auth-token";
const SENDER = "+14155550100";
const MAIN = join(import.meta.dir, "..", "src", "main.ts");

/** Runs when the fake Twilio has a message and before it answers (a test sets it). */
let beforeTwilioAnswers = async (_request: TwilioRequest) => {};
const twilio = startTwilio((request) => beforeTwilioAnswers(request));
afterAll(() => twilio.stop());

const clock = new ManualClock(new Date("2026-03-02T09:00:00.000Z"));
const server = useTestServer({
  clock,
  config: {
    rateLimit: 100_000,
    smsProvider: "twilio",
    twilioAccountSid: SID,
    twilioAuthToken: TOKEN,
    twilioApiUrl: twilio.url,
    smsFrom: SENDER,
    emailFrom: "sales@acme.test",
    publicUrl: "https://crm.example.com",
    sendRetrySchedule: [60],
  },
});
let api: Api;
let tenantId: string;
let ann: string;

const sender = () => server.ctx.workers.find((w) => w.name === "outbound-sender") as OutboundSender;
const send = (body: Record<string, unknown>, client = api) =>
  client.post("/api/external/sms/send", body);
const interaction = async (id: string) => (await api.get(`/api/external/interactions/${id}`)).body;

/** Twilio's signature over the public URL and the sorted form, as its helper libraries compute it. */
function sign(url: string, form: Record<string, string>) {
  const data = Object.keys(form)
    .sort()
    .reduce((text, key) => text + key + form[key], url);
  return createHmac("sha1", TOKEN).update(data).digest("base64");
}

/** Posts a form to a Twilio webhook route as Twilio would, signed for the public URL (or with `signature`). */
async function twilioPost(path: string, form: Record<string, string>, signature?: string) {
  const response = await fetch(`${server.url}${path}`, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      "x-twilio-signature": signature ?? sign(`https://crm.example.com${path}`, form),
    },
    body: new URLSearchParams(form),
  });
  return {
    status: response.status,
    type: response.headers.get("content-type"),
    text: await response.text(),
  };
}

beforeAll(async () => {
  ({ api, tenantId } = await server.tenant());
  ann = (
    await created(api, "/contacts", {
      first_name: "Ann",
      phone_number: [{ number: "+14155550123", type: "Mobile" }],
    })
  ).id;
});

describe("sending", () => {
  test("202 queued; Twilio receives the form with Basic auth; sent with its SID; sms.sent", async () => {
    const reply = await send({ contact_id: ann, body: "Your demo is confirmed for 10:00." });
    expect(reply.status).toBe(202);
    expect(reply.body).toMatchObject({
      type: "sms",
      direction: "outbound",
      status: "queued",
      contact_id: ann,
      from: SENDER,
      to: ["+14155550123"],
      text: "Your demo is confirmed for 10:00.",
    });
    await sender().drain();
    const request = twilio.requests.at(-1) as TwilioRequest;
    expect(request.path).toBe(`/2010-04-01/Accounts/${SID}/Messages.json`);
    expect(request.authorization).toBe(
      `Basic ${Buffer.from(`${SID}:${TOKEN}`).toString("base64")}`,
    );
    expect(request.form).toEqual({
      To: "+14155550123",
      From: SENDER,
      Body: "Your demo is confirmed for 10:00.",
      StatusCallback: `https://crm.example.com/api/external/sms/status/twilio/${tenantId}?interaction_id=${reply.body.id}`,
    });
    const sent = await interaction(reply.body.id);
    expect(sent).toMatchObject({ status: "sent", attempts: 1 });
    expect(sent.provider_id).toMatch(/^SM\d{32}$/);
    expect((await eventsFor(server, sent.id)).map((e) => e.event_type)).toEqual(["sms.sent"]);
  });

  test("status callbacks: delivered, then a failed one with Twilio's error code", async () => {
    const ok = (await send({ to: "+1 415 555 0199", body: "one" })).body;
    const bad = (await send({ to: "+14155550198", body: "two" })).body;
    expect(ok.to).toEqual(["+14155550199"]); // normalised to E.164
    await sender().drain();
    const [okSid, badSid] = [
      (await interaction(ok.id)).provider_id,
      (await interaction(bad.id)).provider_id,
    ];
    const path = `/api/external/sms/status/twilio/${tenantId}`;
    const delivered = { MessageSid: okSid, MessageStatus: "delivered", AccountSid: SID };
    expect((await twilioPost(path, delivered)).status).toBe(204);
    const failed = { MessageSid: badSid, MessageStatus: "undelivered", ErrorCode: "30003" };
    expect((await twilioPost(path, failed)).status).toBe(204);
    expect(await interaction(ok.id)).toMatchObject({
      status: "delivered",
      provider_response: "delivered",
    });
    expect(await interaction(bad.id)).toMatchObject({
      status: "failed",
      provider_response: "undelivered 30003",
    });
    expect((await eventsFor(server, ok.id)).map((e) => e.event_type)).toEqual([
      "sms.sent",
      "sms.delivered",
    ]);
    expect((await eventsFor(server, bad.id)).map((e) => e.event_type)).toEqual([
      "sms.sent",
      "sms.failed",
    ]);
    expect((await twilioPost(path, delivered, "bad-signature")).status).toBe(403);
  });

  test("a settled SMS stays settled: a late or repeated callback changes nothing, no second event", async () => {
    const one = (await send({ to: "+14155550144", body: "settled" })).body;
    await sender().drain();
    const sid = (await interaction(one.id)).provider_id;
    const path = `/api/external/sms/status/twilio/${tenantId}`;
    expect((await twilioPost(path, { MessageSid: sid, MessageStatus: "delivered" })).status).toBe(
      204,
    );
    const late = { MessageSid: sid, MessageStatus: "undelivered", ErrorCode: "30005" };
    expect((await twilioPost(path, late)).status).toBe(204);
    expect(await interaction(one.id)).toMatchObject({ status: "delivered" });
    expect((await eventsFor(server, one.id)).map((e) => e.event_type)).toEqual([
      "sms.sent",
      "sms.delivered",
    ]);
  });

  test("status callbacks that arrive before Twilio's answer is recorded are applied, not lost", async () => {
    await sender().drain();
    let sid = "";
    const answers: number[] = [];
    beforeTwilioAnswers = async (request) => {
      sid = `SM${String(twilio.requests.length).padStart(32, "0")}`;
      const { pathname, search } = new URL(request.form.StatusCallback);
      // Out of order as well: delivered overtakes sent, which then changes nothing.
      for (const status of ["delivered", "sent"])
        answers.push(
          (await twilioPost(pathname + search, { MessageSid: sid, MessageStatus: status })).status,
        );
    };
    try {
      const { id } = (await send({ to: "+14155550133", body: "quick" })).body;
      await sender().drain();
      expect(answers).toEqual([204, 204]);
      expect(await interaction(id)).toMatchObject({
        status: "delivered",
        provider_id: sid,
        attempts: 1,
        sent_at: clock.now().toISOString(),
      });
      expect((await eventsFor(server, id)).map((e) => e.event_type)).toEqual([
        "sms.sent",
        "sms.delivered",
      ]);
    } finally {
      beforeTwilioAnswers = async () => {};
    }
  });

  test("Twilio's 5xx is retried; its 4xx fails at once with its message", async () => {
    let retrying = true;
    twilio.answer(() =>
      retrying ? { status: 503, body: { code: 20500, message: "Service unavailable" } } : undefined,
    );
    const retried = (await send({ to: "+14155550177", body: "retry" })).body;
    await sender().drain();
    expect(await interaction(retried.id)).toMatchObject({ status: "queued", attempts: 1 });
    retrying = false;
    clock.advance(60_000);
    await sender().drain();
    expect(await interaction(retried.id)).toMatchObject({ status: "sent", attempts: 2 });

    twilio.answer(() => ({
      status: 400,
      body: { code: 21211, message: "Invalid 'To' Phone Number" },
    }));
    const refused = (await send({ to: "+14155550166", body: "x" })).body;
    await sender().drain();
    const failed = await interaction(refused.id);
    expect(failed).toMatchObject({ status: "failed", attempts: 1 });
    expect(failed.provider_response).toContain("21211 Invalid 'To' Phone Number");
    expect((await eventsFor(server, refused.id)).map((e) => e.event_type)).toEqual(["sms.failed"]);
    twilio.answer(() => undefined);
  });

  test("Twilio refusing the credentials (401) keeps the SMS queued and retried, not failed", async () => {
    let wrongToken = true;
    twilio.answer(() =>
      wrongToken ? { status: 401, body: { code: 20003, message: "Authenticate" } } : undefined,
    );
    try {
      const { id } = (await send({ to: "+14155550178", body: "after the token rotation" })).body;
      await sender().drain();
      const waiting = await interaction(id);
      expect(waiting).toMatchObject({ status: "queued", attempts: 1 });
      expect(waiting.provider_response).toContain("20003 Authenticate");
      wrongToken = false; // the operator fixed CRMD_TWILIO_AUTH_TOKEN
      clock.advance(60_000);
      await sender().drain();
      expect(await interaction(id)).toMatchObject({ status: "sent", attempts: 2 });
      expect((await eventsFor(server, id)).map((e) => e.event_type)).toEqual(["sms.sent"]);
    } finally {
      twilio.answer(() => undefined);
    }
  });

  test("bad input: invalid numbers, body over 800 characters, sms:send needed", async () => {
    expect422(await send({ to: "12345", body: "x" }), "/to");
    expect422(await send({ to: "+14155550123", body: "x".repeat(801) }), "/body");
    expect422(await send({ to: "+14155550123", from: "not a number", body: "x" }), "/from");
    expect((await send({ to: "+14155550123", body: "x".repeat(800) })).status).toBe(202);
    const noPhone = (await created(api, "/contacts", { first_name: "NoPhone" })).id;
    expect422(await send({ contact_id: noPhone, body: "x" }), "/to");
    const reader = await server.keyFor(tenantId, ["read", "write"]);
    expect((await send({ to: "+14155550123", body: "x" }, reader)).status).toBe(403);
  });

  test("sending to a contact by id needs contacts:read: its number would show in the answer", async () => {
    const senderOnly = await server.keyFor(tenantId, ["sms:send"]);
    for (const contact_id of [ann, Bun.randomUUIDv7()]) {
      const refused = await send({ contact_id, body: "x" }, senderOnly);
      expect(refused.status).toBe(403);
      expect(refused.body.detail).toContain("contacts:read");
    }
    expect((await send({ to: "+14155550199", body: "x" }, senderOnly)).status).toBe(202);
    // Ann's number: linked to her, which the answer does not tell a key reading no contacts.
    const byNumber = await send({ to: "+1 415 555 0123", body: "x" }, senderOnly);
    expect(byNumber.status).toBe(202);
    expect(byNumber.body).not.toHaveProperty("contact_id");
    expect((await interaction(byNumber.body.id)).contact_id).toBe(ann);
    const withContacts = await server.keyFor(tenantId, ["sms:send", "contacts:read"]);
    const sent = await send({ contact_id: ann, body: "x" }, withContacts);
    expect(sent.status).toBe(202);
    expect(sent.body).toMatchObject({ contact_id: ann, to: ["+14155550123"] });
  });
});

describe("inbound and consent", () => {
  const inbound = () => `/api/external/sms/inbound/twilio/${tenantId}`;
  let n = 0;
  const message = (from: string, body: string) => ({
    MessageSid: `SMin${++n}`,
    AccountSid: SID,
    From: from,
    To: SENDER,
    Body: body,
    NumMedia: "0",
  });

  test("a wrong signature is 403, a missing one 401; nothing is recorded", async () => {
    const form = message("+14155550123", "hello");
    expect(
      (await twilioPost(inbound(), form, sign("https://crm.example.com/other", form))).status,
    ).toBe(403);
    expect((await twilioPost(inbound(), form, "")).status).toBe(401);
    const tampered = { ...form, Body: "changed" };
    expect(
      (await twilioPost(inbound(), tampered, sign(`https://crm.example.com${inbound()}`, form)))
        .status,
    ).toBe(403);
    const list = await api.get("/api/external/interactions?type=sms&page_size=500");
    expect(list.body.interactions.some((i: any) => i.direction === "inbound")).toBe(false);
  });

  test("an inbound SMS links to the contact with that number; sms.received; Twilio's retry recorded once", async () => {
    const form = message("+14155550123", "Can we move to 11?");
    const reply = await twilioPost(inbound(), form);
    expect(reply.status).toBe(200);
    expect(reply.text).toContain("<Response></Response>");
    // As documented, so Twilio and generated clients read it as the XML it is.
    expect(reply.type).toBe("text/xml");
    const doc = (await server.anonymous.get("/swagger/json")).body;
    const documented =
      doc.paths["/api/external/sms/inbound/twilio/{tenant_id}"].post.responses["200"];
    expect(Object.keys(documented.content)).toEqual(["text/xml"]);
    expect((await twilioPost(inbound(), form)).status).toBe(200);
    const timeline = await api.get(`/api/external/interactions?contact_id=${ann}&type=sms`);
    const received = timeline.body.interactions.filter((i: any) => i.direction === "inbound");
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({
      status: "received",
      from: "+14155550123",
      text: "Can we move to 11?",
    });
    expect((await eventsFor(server, received[0].id)).map((e) => e.event_type)).toEqual([
      "sms.received",
    ]);
  });

  test("STOP opts the contact out: sends are 409 until START", async () => {
    expect((await twilioPost(inbound(), message("+14155550123", " stop "))).status).toBe(200);
    expect((await api.get(`/api/external/contacts/${ann}`)).body.sms_opt_out).toBe(true);
    const refused = await send({ contact_id: ann, body: "promo" });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe("OPTED_OUT");
    expect((await send({ to: "+14155550123", body: "promo" })).status).toBe(409);
    expect((await twilioPost(inbound(), message("+14155550123", "START"))).status).toBe(200);
    expect((await api.get(`/api/external/contacts/${ann}`)).body.sms_opt_out).toBe(false);
    expect((await send({ contact_id: ann, body: "welcome back" })).status).toBe(202);
  });

  test("a contact's number written with spaces or dashes is still theirs: opt-out honoured, replies linked", async () => {
    const cleo = (
      await created(api, "/contacts", {
        first_name: "Cleo",
        phone_number: [{ number: "+1 415-555-0142", type: "Mobile" }],
        sms_opt_out: true,
      })
    ).id;
    const refused = await send({ to: "+14155550142", body: "promo" });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe("OPTED_OUT");
    expect((await twilioPost(inbound(), message("+14155550142", "Who is this?"))).status).toBe(200);
    const timeline = await api.get(`/api/external/interactions?contact_id=${cleo}&type=sms`);
    expect(timeline.body.interactions.map((i: any) => i.text)).toEqual(["Who is this?"]);
  });

  test("a number of a contact who opted out is refused, also when sent with another contact's id", async () => {
    await created(api, "/contacts", {
      first_name: "Dan",
      phone_number: [{ number: "+14155550143" }],
      sms_opt_out: true,
    });
    const other = (await created(api, "/contacts", { first_name: "Eve" })).id;
    const refused = await send({ contact_id: other, to: "+14155550143", body: "promo" });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe("OPTED_OUT");
  });

  test("a number two contacts share is refused when either opted out, not only the first found", async () => {
    await created(api, "/contacts", {
      first_name: "Gus",
      phone_number: [{ number: "+14155550145" }],
    });
    const duplicate = (
      await created(api, "/contacts", {
        first_name: "Gus (imported)",
        phone_number: [{ number: "+1 415 555 0145" }],
        sms_opt_out: true,
      })
    ).id;
    const refused = await send({ to: "+14155550145", body: "promo" });
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toContain(`The contact ${duplicate} opted out of SMS`);
  });

  test("an SMS queued before its recipient opted out is not sent: failed with the reason, sms.failed", async () => {
    await sender().drain();
    const byStop = (await send({ to: "+14155550156", body: "queued before STOP" })).body;
    const fay = (
      await created(api, "/contacts", {
        first_name: "Fay",
        phone_number: [{ number: "+14155550157" }],
      })
    ).id;
    const byFlag = (await send({ contact_id: fay, body: "queued before opt-out" })).body;
    expect([byStop.status, byFlag.status]).toEqual(["queued", "queued"]);
    expect((await twilioPost(inbound(), message("+14155550156", "STOP"))).status).toBe(200);
    expect((await api.patch(`/api/external/contacts/${fay}`, { sms_opt_out: true })).status).toBe(
      200,
    );
    const requestsBefore = twilio.requests.length;
    await sender().drain();
    expect(twilio.requests.length).toBe(requestsBefore);
    for (const [id, reason] of [
      [byStop.id, "+14155550156 opted out of SMS"],
      [byFlag.id, `The contact ${fay} opted out of SMS`],
    ]) {
      const settled = await interaction(id);
      expect(settled).toMatchObject({ status: "failed", attempts: 0, sent_at: null });
      expect(settled.provider_response).toContain(reason);
      expect((await eventsFor(server, id)).map((e) => e.event_type)).toEqual(["sms.failed"]);
    }
  });

  test("STOP from a number no contact has still blocks it", async () => {
    expect((await twilioPost(inbound(), message("+14155550155", "UNSUBSCRIBE"))).status).toBe(200);
    expect((await send({ to: "+14155550155", body: "x" })).status).toBe(409);
    // On the suppression list with the keyword, announced; the API cannot lift it.
    const entry = await api.get("/api/external/suppressions/%2B14155550155");
    expect(entry.body).toMatchObject({
      channel: "sms",
      reason: "opt_out",
      detail: "texted UNSUBSCRIBE",
    });
    expect((await eventsFor(server, "sms:+14155550155")).map((e) => e.event_type)).toEqual([
      "suppression.created",
    ]);
    expect((await api.delete("/api/external/suppressions/%2B14155550155")).status).toBe(409);
    expect((await twilioPost(inbound(), message("+14155550155", "START"))).status).toBe(200);
    expect((await api.get("/api/external/suppressions/%2B14155550155")).status).toBe(404);
    expect((await eventsFor(server, "sms:+14155550155")).map((e) => e.event_type)).toEqual([
      "suppression.created",
      "suppression.deleted",
    ]);
  });

  test("STOP from a number opted out through the API records the keyword on the list", async () => {
    await created(api, "/contacts", {
      first_name: "Hal",
      phone_number: [{ number: "+14155550158" }],
      sms_opt_out: true,
    });
    const path = "/api/external/suppressions/%2B14155550158";
    expect((await api.get(path)).body.detail).toBeNull();
    expect((await twilioPost(inbound(), message("+14155550158", "STOP"))).status).toBe(200);
    expect((await api.get(path)).body.detail).toBe("texted STOP");
  });

  test("an opt-out the recipient texted is not lifted by sms_opt_out: false (409, nothing written); one recorded through the API is", async () => {
    const ida = (
      await created(api, "/contacts", {
        first_name: "Ida",
        phone_number: [{ number: "+1 415 555 0161" }],
      })
    ).id;
    expect((await twilioPost(inbound(), message("+14155550161", "STOP"))).status).toBe(200);
    const contact = `/api/external/contacts/${ida}`;
    for (const write of [
      () => api.patch(contact, { sms_opt_out: false }),
      () => api.patch(contact, { title: "CTO", sms_opt_out: false }),
      () =>
        api.put(contact, {
          first_name: "Ida",
          phone_number: [{ number: "+14155550161" }],
          sms_opt_out: false,
        }),
    ]) {
      const refused = await write();
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe("OPTED_OUT");
      expect(refused.body.detail).toContain("+14155550161 texted STOP");
      expect(refused.body.detail).toContain("START");
    }
    expect((await api.get(contact)).body).toMatchObject({ sms_opt_out: true, title: null });
    expect((await api.get("/api/external/suppressions/%2B14155550161")).body.detail).toBe(
      "texted STOP",
    );
    expect((await send({ contact_id: ida, body: "promo" })).status).toBe(409);
    const bulk = await api.post("/api/external/contacts/bulk", {
      records: [
        { first_name: "Ida", phone_number: [{ number: "+14155550161" }], sms_opt_out: false },
      ],
    });
    expect(bulk.status).toBe(200);
    expect(bulk.body.failed).toBe(1);
    expect((await api.get("/api/external/suppressions/%2B14155550161")).status).toBe(200);

    // Opted out through the API: the API lifts it.
    const jo = (
      await created(api, "/contacts", {
        first_name: "Jo",
        phone_number: [{ number: "+14155550162" }],
        sms_opt_out: true,
      })
    ).id;
    const lifted = await api.patch(`/api/external/contacts/${jo}`, { sms_opt_out: false });
    expect(lifted.status).toBe(200);
    expect(lifted.body.sms_opt_out).toBe(false);
    expect((await api.get("/api/external/suppressions/%2B14155550162")).status).toBe(404);
    expect((await send({ contact_id: jo, body: "welcome" })).status).toBe(202);
  });

  test("START on one number lifts its opt-out and the API's, not another number's STOP", async () => {
    const kit = (
      await created(api, "/contacts", {
        first_name: "Kit",
        phone_number: [{ number: "+14155550163" }, { number: "+14155550164" }],
      })
    ).id;
    expect((await twilioPost(inbound(), message("+14155550163", "STOP"))).status).toBe(200);
    expect((await twilioPost(inbound(), message("+14155550164", "STOP"))).status).toBe(200);
    expect((await twilioPost(inbound(), message("+14155550163", "START"))).status).toBe(200);
    expect((await api.get(`/api/external/contacts/${kit}`)).body.sms_opt_out).toBe(false);
    expect((await api.get("/api/external/suppressions/%2B14155550163")).status).toBe(404);
    expect((await api.get("/api/external/suppressions/%2B14155550164")).body.detail).toBe(
      "texted STOP",
    );
    expect((await send({ to: "+14155550164", body: "x" })).status).toBe(409);
    expect((await send({ to: "+14155550163", body: "x" })).status).toBe(202);
  });

  test("a keyword Twilio's Advanced Opt-Out matched in another language (OptOutType) opts out, and back in", async () => {
    const number = "+14155550171";
    const stop = { ...message(number, "Alto"), OptOutType: "STOP" };
    expect((await twilioPost(inbound(), stop)).status).toBe(200);
    const refused = await send({ to: number, body: "x" });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe("OPTED_OUT");
    const path = `/api/external/suppressions/${encodeURIComponent(number)}`;
    expect((await api.get(path)).body.detail).toBe("texted ALTO");
    // HELP changes nothing, whatever its words.
    const help = { ...message(number, "Ayuda"), OptOutType: "HELP" };
    expect((await twilioPost(inbound(), help)).status).toBe(200);
    expect((await send({ to: number, body: "x" })).status).toBe(409);
    const start = { ...message(number, "Comenzar"), OptOutType: "START" };
    expect((await twilioPost(inbound(), start)).status).toBe(200);
    expect((await send({ to: number, body: "x" })).status).toBe(202);
  });

  test("ARRET and UNSUB, opt-outs Canadian carriers require, opt out in any case, with or without accents", async () => {
    for (const [number, body] of [
      ["+14155550172", "ARRET"],
      ["+14155550173", " Arrêt "],
      ["+14155550175", "unsub"],
    ]) {
      expect((await twilioPost(inbound(), message(number, body))).status).toBe(200);
      const refused = await send({ to: number, body: "x" });
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe("OPTED_OUT");
    }
  });

  test("STOP and START from a number several contacts have change every one of them", async () => {
    const number = "+14155550174";
    const twins: string[] = [];
    for (const [first_name, written] of [
      ["Dana", number],
      ["Dana (duplicate)", "+1 415 555 0174"],
    ])
      twins.push(
        (await created(api, "/contacts", { first_name, phone_number: [{ number: written }] })).id,
      );
    const optOuts = async () =>
      Promise.all(
        twins.map(async (id) => (await api.get(`/api/external/contacts/${id}`)).body.sms_opt_out),
      );
    expect((await twilioPost(inbound(), message(number, "STOP"))).status).toBe(200);
    expect(await optOuts()).toEqual([true, true]);
    expect((await send({ contact_id: twins[1], body: "x" })).status).toBe(409);
    expect((await twilioPost(inbound(), message(number, "START"))).status).toBe(200);
    expect(await optOuts()).toEqual([false, false]);
    expect((await send({ contact_id: twins[1], body: "x" })).status).toBe(202);
  });

  test("REVOKE, one of Twilio's default opt-out keywords, opts the number out as STOP does", async () => {
    expect((await twilioPost(inbound(), message("+14155550154", "Revoke"))).status).toBe(200);
    const refused = await send({ to: "+14155550154", body: "x" });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe("OPTED_OUT");
  });

  test("email_opt_out blocks email to the contact, by id or by address", async () => {
    const bob = (
      await created(api, "/contacts", {
        first_name: "Bob",
        email: [{ email: "bob@example.com" }],
        email_opt_out: true,
      })
    ).id;
    const email = { subject: "News", text: "x" };
    expect((await api.post("/api/external/email/send", { ...email, contact_id: bob })).status).toBe(
      409,
    );
    const byAddress = await api.post("/api/external/email/send", {
      ...email,
      to: ["BOB@example.com"],
    });
    expect(byAddress.status).toBe(409);
    expect(byAddress.body.code).toBe("OPTED_OUT");
    expect(
      (await api.patch(`/api/external/contacts/${bob}`, { email_opt_out: false })).status,
    ).toBe(200);
    expect((await api.post("/api/external/email/send", { ...email, contact_id: bob })).status).toBe(
      202,
    );
  });
});

describe("each tenant's sender numbers", () => {
  const admin = () => server.admin;
  const setNumbers = (tenant: string, numbers: string[]) =>
    admin().patch(`/api/external/tenants/${tenant}`, { sms_numbers: numbers });

  test("the admin records a tenant's numbers in E.164; shown on the tenant; one number, one tenant (409)", async () => {
    const { tenantId: a } = await server.tenant();
    const { tenantId: b } = await server.tenant();
    const set = await setNumbers(a, ["+1 415-555-0101", "+14155550102", "+1 (415) 555-0101"]);
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ id: a, sms_numbers: ["+14155550101", "+14155550102"] });
    expect((await admin().get(`/api/external/tenants/${a}`)).body.sms_numbers).toEqual([
      "+14155550101",
      "+14155550102",
    ]);
    const listed = (await admin().get("/api/external/tenants")).body.tenants;
    expect(listed.find((t: any) => t.id === a).sms_numbers).toEqual([
      "+14155550101",
      "+14155550102",
    ]);
    expect(listed.find((t: any) => t.id === b).sms_numbers).toEqual([]);

    const taken = await setNumbers(b, ["+14155550103", "+1 415 555 0102"]);
    expect(taken.status).toBe(409);
    expect(taken.body.detail).toContain("+14155550102");
    expect((await admin().get(`/api/external/tenants/${b}`)).body.sms_numbers).toEqual([]);
    const bad = await setNumbers(b, ["+14155550103", "12345"]);
    expect422(bad, "/sms_numbers/1");
    const createdWithTaken = await admin().post("/api/external/tenants", {
      name: `numbers-${Date.now()}`,
      sms_numbers: ["+14155550101"],
    });
    expect(createdWithTaken.status).toBe(409);

    // Released by its tenant, a number can be recorded for another.
    expect((await setNumbers(a, ["+14155550101"])).body.sms_numbers).toEqual(["+14155550101"]);
    expect((await setNumbers(b, ["+14155550102"])).body.sms_numbers).toEqual(["+14155550102"]);
    // Only the admin manages them.
    const keyed = await server.keyFor(a, ["*"]);
    expect((await keyed.patch(`/api/external/tenants/${a}`, { sms_numbers: [] })).status).toBe(403);
    expect((await setNumbers(crypto.randomUUID(), [])).status).toBe(404);
  });

  test("a tenant sends only from its own numbers (422 at /from); its first number is the default", async () => {
    const mine = await server.tenant();
    const theirs = await server.tenant();
    expect((await setNumbers(mine.tenantId, ["+14155550111", "+14155550112"])).status).toBe(200);
    expect((await setNumbers(theirs.tenantId, ["+14155550113"])).status).toBe(200);

    const byDefault = await send({ to: "+14155550199", body: "hi" }, mine.api);
    expect(byDefault.status).toBe(202);
    expect(byDefault.body.from).toBe("+14155550111");
    const second = await send(
      { to: "+14155550199", from: "+1 415 555 0112", body: "hi" },
      mine.api,
    );
    expect(second.status).toBe(202);
    expect(second.body.from).toBe("+14155550112");

    const stolen = await send({ to: "+14155550199", from: "+14155550113", body: "hi" }, mine.api);
    expect422(stolen, "/from");
    expect(stolen.body.errors[0].message).toContain("+14155550111");
    // CRMD_SMS_FROM is no sender for a tenant with numbers of its own.
    expect422(await send({ to: "+14155550199", from: SENDER, body: "hi" }, mine.api), "/from");
  });

  test("a tenant without numbers sends from CRMD_SMS_FROM only, and not once that number is another tenant's", async () => {
    const plain = await server.tenant();
    const other = await server.tenant();
    expect((await setNumbers(other.tenantId, ["+14155550121"])).status).toBe(200);
    const byDefault = await send({ to: "+14155550199", body: "hi" }, plain.api);
    expect(byDefault.status).toBe(202);
    expect(byDefault.body.from).toBe(SENDER);
    expect((await send({ to: "+14155550199", from: SENDER, body: "hi" }, plain.api)).status).toBe(
      202,
    );
    expect422(
      await send({ to: "+14155550199", from: "+14155550121", body: "hi" }, plain.api),
      "/from",
    );
    expect422(
      await send({ to: "+14155550199", from: "+14155550122", body: "hi" }, plain.api),
      "/from",
    );
    try {
      expect((await setNumbers(other.tenantId, ["+14155550121", SENDER])).status).toBe(200);
      const refused = await send({ to: "+14155550199", body: "hi" }, plain.api);
      expect422(refused, "/from");
      // The owner sends from it, by default too (it is now among its numbers).
      const owner = await send({ to: "+14155550199", from: SENDER, body: "hi" }, other.api);
      expect(owner.status).toBe(202);
    } finally {
      await setNumbers(other.tenantId, []);
    }
  });

  test("an SMS queued from a number that becomes another tenant's before it is sent is not sent: failed, sms.failed", async () => {
    await sender().drain();
    const first = await server.tenant();
    const later = await server.tenant();
    const queued = (await send({ to: "+14155550199", body: "queued" }, first.api)).body;
    expect(queued).toMatchObject({ status: "queued", from: SENDER });
    try {
      expect((await setNumbers(later.tenantId, [SENDER])).status).toBe(200);
      const requestsBefore = twilio.requests.length;
      await sender().drain();
      expect(twilio.requests.length).toBe(requestsBefore);
      const settled = (await first.api.get(`/api/external/interactions/${queued.id}`)).body;
      expect(settled).toMatchObject({ status: "failed", attempts: 0, sent_at: null });
      expect(settled.provider_response).toContain(`${SENDER} is now another tenant's`);
      expect((await eventsFor(server, queued.id)).map((e) => e.event_type)).toEqual(["sms.failed"]);
    } finally {
      await setNumbers(later.tenantId, []);
    }
  });

  test("an inbound SMS to a number recorded for another tenant is refused, not recorded, its STOP not applied", async () => {
    const owner = await server.tenant();
    const wrong = await server.tenant();
    expect((await setNumbers(owner.tenantId, ["+14155550131"])).status).toBe(200);
    const form = {
      MessageSid: "SMmisrouted1",
      AccountSid: SID,
      From: "+14155550132",
      To: "+14155550131",
      Body: "STOP",
    };
    const refused = await twilioPost(`/api/external/sms/inbound/twilio/${wrong.tenantId}`, form);
    expect(refused.status).toBe(409);
    const list = await wrong.api.get("/api/external/interactions?type=sms");
    expect(list.body.interactions).toEqual([]);
    expect(
      (await send({ to: "+14155550132", from: SENDER, body: "still allowed" }, wrong.api)).status,
    ).toBe(202);
    const right = await twilioPost(`/api/external/sms/inbound/twilio/${owner.tenantId}`, form);
    expect(right.status).toBe(200);
    expect((await send({ to: "+14155550132", body: "x" }, owner.api)).status).toBe(409);
  });

  test("the CLI records and shows a tenant's numbers", async () => {
    const dir = mkdtempSync(join(tmpdir(), "crmd-sms-numbers-"));
    const env = { CRMD_DATABASE_URL: `file:${join(dir, "crmd.db")}` };
    const crmd = async (...args: string[]) => {
      const child = Bun.spawn([process.execPath, MAIN, ...args], {
        env: { ...process.env, CRMD_LOG_LEVEL: "warn", ...env },
        stdout: "pipe",
        stderr: "pipe",
      });
      const code = await child.exited;
      return {
        code,
        stdout: await new Response(child.stdout).text(),
        stderr: await new Response(child.stderr).text(),
      };
    };
    try {
      const made = await crmd(
        "tenants",
        "create",
        "--name",
        "one",
        "--sms-numbers",
        "+1 415 555 0141",
      );
      expect(made.code).toBe(0);
      expect(JSON.parse(made.stdout).sms_numbers).toEqual(["+14155550141"]);
      expect((await crmd("tenants", "create", "--name", "two")).code).toBe(0);
      const set = await crmd(
        "tenants",
        "update",
        "--tenant",
        "two",
        "--sms-numbers",
        "+14155550142,+14155550143",
      );
      expect(set.code).toBe(0);
      expect(JSON.parse(set.stdout).sms_numbers).toEqual(["+14155550142", "+14155550143"]);
      const taken = await crmd(
        "tenants",
        "update",
        "--tenant",
        "two",
        "--sms-numbers",
        "+14155550141",
      );
      expect(taken.code).toBe(1);
      expect(taken.stderr).toContain("+14155550141");
      const invalidNumber = await crmd(
        "tenants",
        "update",
        "--tenant",
        "two",
        "--sms-numbers",
        "12345",
      );
      expect(invalidNumber.code).toBe(2);
      expect(invalidNumber.stderr).toContain("--sms-numbers");
      expect((await crmd("tenants", "update", "--tenant", "one", "--sms-numbers", "")).code).toBe(
        0,
      );
      const listed = JSON.parse((await crmd("tenants", "list")).stdout);
      expect(listed.map((t: any) => t.sms_numbers)).toEqual([[], ["+14155550142", "+14155550143"]]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});

describe("Twilio's webhook for every number (POST /api/twilio/webhook)", () => {
  const WEBHOOK = "/api/twilio/webhook";
  const NUMBER_A = "+14155550271";
  const setNumbers = (tenant: string, numbers: string[]) =>
    server.admin.patch(`/api/external/tenants/${tenant}`, { sms_numbers: numbers });
  const inboundOf = async (client: Api) =>
    (
      await client.get("/api/external/interactions?type=sms&page_size=500")
    ).body.interactions.filter((i: any) => i.direction === "inbound");
  const message = (sid: string, to: string, body = "Is my order shipped?") => ({
    MessageSid: sid,
    AccountSid: SID,
    From: "+14155550272",
    To: to,
    Body: body,
    NumMedia: "0",
  });
  let a: Awaited<ReturnType<typeof server.tenant>>;
  let b: Awaited<ReturnType<typeof server.tenant>>;

  beforeAll(async () => {
    a = await server.tenant();
    b = await server.tenant();
    expect((await setNumbers(a.tenantId, [NUMBER_A])).status).toBe(200);
    expect((await setNumbers(b.tenantId, ["+14155550273"])).status).toBe(200);
  });
  afterAll(async () => {
    await setNumbers(a.tenantId, []);
    await setNumbers(b.tenantId, []);
  });

  test("unsigned is 401, a wrong signature 403 (signed for another path); nothing is recorded", async () => {
    const form = message("SMhook0", NUMBER_A);
    expect((await twilioPost(WEBHOOK, form, "")).status).toBe(401);
    const forTenantRoute = sign(
      `https://crm.example.com/api/external/sms/inbound/twilio/${a.tenantId}`,
      form,
    );
    expect((await twilioPost(WEBHOOK, form, forTenantRoute)).status).toBe(403);
    expect(await inboundOf(a.api)).toEqual([]);
  });

  test("an SMS to a tenant's number lands in that tenant: interaction, sms.received, conversation; a retry records once", async () => {
    const form = message("SMhook1", "+1 415-555-0271");
    const reply = await twilioPost(WEBHOOK, form);
    expect(reply.status).toBe(200);
    expect(reply.type).toBe("text/xml");
    expect(reply.text).toContain("<Response></Response>");
    expect((await twilioPost(WEBHOOK, form)).status).toBe(200); // Twilio's retry
    const received = await inboundOf(a.api);
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({
      status: "received",
      from: "+14155550272",
      to: [NUMBER_A],
      text: "Is my order shipped?",
      provider_id: "SMhook1",
    });
    expect((await eventsFor(server, received[0].id)).map((e) => e.event_type)).toEqual([
      "sms.received",
    ]);
    const conversations = (await a.api.get("/api/external/conversations?channel=sms")).body
      .conversations;
    expect(conversations).toHaveLength(1);
    expect(conversations[0]).toMatchObject({
      customer_address: "+14155550272",
      customer_id: received[0].contact_id,
    });
    expect(await inboundOf(b.api)).toEqual([]);
    expect((await b.api.get("/api/external/conversations?channel=sms")).body.conversations).toEqual(
      [],
    );
  });

  test("an SMS to a number no tenant has recorded is 404 and recorded nowhere", async () => {
    const before = (await inboundOf(a.api)).length;
    const refused = await twilioPost(WEBHOOK, message("SMhook2", "+14155550279"));
    expect(refused.status).toBe(404);
    expect(JSON.parse(refused.text)).toMatchObject({ code: "NOT_FOUND" });
    expect(JSON.parse(refused.text).detail).toContain("+14155550279");
    expect(await inboundOf(a.api)).toHaveLength(before);
    expect(await inboundOf(b.api)).toEqual([]);
    expect(await inboundOf(api)).not.toContainEqual(
      expect.objectContaining({ provider_id: "SMhook2" }),
    );
  });

  test("documented: signed by Twilio, its empty TwiML, 404 for an unknown number", async () => {
    const doc = (await server.anonymous.get("/swagger/json")).body;
    const operation = doc.paths[WEBHOOK].post;
    expect(operation.security).toEqual([{ TwilioSignature: [] }]);
    expect(Object.keys(operation.responses["200"].content)).toEqual(["text/xml"]);
    expect(operation.responses["404"]).toBeDefined();
    expect(operation.description).toContain("404");
  });
});
