import { beforeAll, describe, expect, test } from "bun:test";
import { created } from "./helpers/api";
import { useMailServer } from "./helpers/mail";
import { activityFor, eventsFor } from "./helpers/records";
import type { Api } from "./helpers/server";

/**
 * The suppression list's API: what is suppressed and why, per tenant, and
 * lifting an email suppression (an SMS opt-out only the recipient lifts).
 */
const mail = useMailServer({ config: { smsFrom: "+14155550100" } });
const { server, sender } = mail;
let api: Api;
let tenantId: string;
let other: Api;
let secret: string;

const email = (body: Record<string, unknown>, client = api) =>
  client.post("/api/external/email/send", { subject: "Hello", text: "Hi", ...body });
const path = (address: string, query = "") =>
  `/api/external/suppressions/${encodeURIComponent(address)}${query}`;

/** Sends an email to `address`, then delivers a Postfix bounce of it (RFC 3464, the header returned). */
async function bounce(address: string) {
  const queued = await email({ to: [address] });
  expect(queued.status).toBe(202);
  await sender().drain();
  const raw = mail.smtp().received.find((r) => r.email.messageId === `<${queued.body.message_id}>`)
    ?.raw as string;
  const report = [
    "From: MAILER-DAEMON@mx.acme.test (Mail Delivery System)",
    "To: sales@acme.test",
    "Subject: Undelivered Mail Returned to Sender",
    `Message-Id: <${crypto.randomUUID()}@mx.acme.test>`,
    "MIME-Version: 1.0",
    'Content-Type: multipart/report; report-type=delivery-status; boundary="b1"',
    "",
    "--b1",
    "Content-Type: text/plain",
    "",
    "Your message could not be delivered.",
    "--b1",
    "Content-Type: message/delivery-status",
    "",
    "Reporting-MTA: dns; mx.acme.test",
    "",
    `Final-Recipient: rfc822; ${address}`,
    "Action: failed",
    "Status: 5.1.1",
    `Diagnostic-Code: smtp; 550 5.1.1 <${address}>: User unknown`,
    "",
    "--b1",
    "Content-Type: text/rfc822-headers",
    "",
    raw.slice(0, raw.search(/\r?\n\r?\n/)),
    "",
    "--b1--",
    "",
  ].join("\r\n");
  const answer = await mail.deliver(report, secret);
  expect(answer.status).toBe(200);
}

beforeAll(async () => {
  ({ api, tenantId } = await server.tenant());
  ({ api: other } = await server.tenant());
  secret = (await api.post("/api/external/email/inbound-secret")).body.secret;
});

describe("suppressions API", () => {
  test("a bounce is listed with its diagnostic; lifting it allows sends again, recorded and announced", async () => {
    await bounce("gone@globex.test");
    const listed = await api.get("/api/external/suppressions?channel=email&reason=bounce");
    expect(listed.status).toBe(200);
    expect(listed.body).toMatchObject({ total: 1, page: 1, has_more: false, next_cursor: null });
    expect(listed.body.suppressions[0]).toMatchObject({
      channel: "email",
      address: "gone@globex.test",
      reason: "bounce",
    });
    expect(listed.body.suppressions[0].detail).toContain("User unknown");
    const one = await api.get(path("Gone@Globex.test"));
    expect(one.status).toBe(200);
    expect(one.body).toEqual(listed.body.suppressions[0]);
    const [joined] = await eventsFor(server, "email:gone@globex.test");
    expect(joined).toMatchObject({
      event_type: "suppression.created",
      tenant_id: tenantId,
      data: one.body,
    });

    expect((await email({ to: ["gone@globex.test"] })).body.code).toBe("ADDRESS_BOUNCED");
    expect((await api.delete(path("gone@globex.test"))).status).toBe(204);
    expect((await api.get(path("gone@globex.test"))).status).toBe(404);
    expect((await email({ to: ["gone@globex.test"] })).status).toBe(202);
    const events = await eventsFor(server, "email:gone@globex.test");
    expect(events.map((e) => e.event_type)).toEqual(["suppression.created", "suppression.deleted"]);
    expect(events[1].data).toEqual(one.body);
    const activity = await activityFor(server, "email:gone@globex.test");
    expect(activity.map((a) => [a.entityType, a.action, a.actorType])).toEqual([
      ["suppression", "created", "system"],
      ["suppression", "deleted", "api_key"],
    ]);
    expect((await api.delete(path("gone@globex.test"))).status).toBe(404);
  });

  test("a bounce is no opt-out: a contact with the address keeps email_opt_out false, the list says why sends fail", async () => {
    await bounce("moved@globex.test");
    const jo = await created(api, "/contacts", {
      first_name: "Jo",
      email: [{ email: "moved@globex.test" }, { email: "jo@home.test" }],
    });
    expect(jo.email_opt_out).toBe(false);
    expect((await email({ contact_id: jo.id })).body.code).toBe("ADDRESS_BOUNCED");
    expect((await email({ to: ["jo@home.test"] })).status).toBe(202);
    expect((await api.get(path("moved@globex.test"))).body.reason).toBe("bounce");
  });

  test("tenants see and lift only their own suppressions", async () => {
    await bounce("mine@globex.test");
    expect((await other.get(path("mine@globex.test"))).status).toBe(404);
    expect((await other.get("/api/external/suppressions")).body.total).toBe(0);
    expect((await other.delete(path("mine@globex.test"))).status).toBe(404);
    expect((await api.get(path("mine@globex.test"))).status).toBe(200);
    expect((await email({ to: ["mine@globex.test"] })).body.code).toBe("ADDRESS_BOUNCED");
    // The other tenant sends to the address: it never bounced there.
    expect((await email({ to: ["mine@globex.test"] }, other)).status).toBe(202);
  });

  test("lifting an email opt-out opts the contact back in", async () => {
    const ann = (
      await created(api, "/contacts", {
        first_name: "Ann",
        email: [{ email: "ann@globex.test" }],
        email_opt_out: true,
      })
    ).id;
    const entry = await api.get(path("ann@globex.test"));
    expect(entry.body).toMatchObject({ channel: "email", reason: "opt_out", detail: null });
    expect((await api.delete(path("ann@globex.test", "?channel=email"))).status).toBe(204);
    expect((await api.get(`/api/external/contacts/${ann}`)).body.email_opt_out).toBe(false);
    expect((await email({ contact_id: ann })).status).toBe(202);
  });

  test("an SMS opt-out is listed but not lifted through the API: the recipient texts START", async () => {
    const bo = (
      await created(api, "/contacts", {
        first_name: "Bo",
        phone_number: [{ number: "+1 415 555 0177" }],
        sms_opt_out: true,
      })
    ).id;
    const entry = await api.get(path("+1 415-555-0177"));
    expect(entry.status).toBe(200);
    expect(entry.body).toMatchObject({
      channel: "sms",
      address: "+14155550177",
      reason: "opt_out",
    });
    const sms = await api.get("/api/external/suppressions?channel=sms&address=%2B14155550177");
    expect(sms.body.suppressions).toEqual([entry.body]);
    const refused = await api.delete(path("+14155550177"));
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe("OPTED_OUT");
    expect(refused.body.detail).toContain("START");
    expect((await api.get(path("+14155550177"))).status).toBe(200);
    const send = await api.post("/api/external/sms/send", { contact_id: bo, body: "Hi" });
    expect(send.status).toBe(409);
  });

  test("filters and cursor paging walk the list oldest first, each entry once", async () => {
    const { api: own } = await server.tenant();
    for (const [i, name] of ["a", "b", "c"].entries())
      await created(own, "/contacts", {
        first_name: name,
        email: [{ email: `${name}@list.test` }],
        phone_number: [{ number: `+1415555020${i}` }],
        email_opt_out: true,
        sms_opt_out: i === 0,
      });
    const all = await own.get("/api/external/suppressions");
    expect(all.body.total).toBe(4);
    expect((await own.get("/api/external/suppressions?channel=email")).body.total).toBe(3);
    expect((await own.get("/api/external/suppressions?reason=bounce")).body.total).toBe(0);
    expect(
      (await own.get("/api/external/suppressions?address=B%40List.test")).body.suppressions.map(
        (s: any) => s.address,
      ),
    ).toEqual(["b@list.test"]);

    const seen: string[] = [];
    let cursor = "";
    for (let i = 0; i < 10; i++) {
      const page = await own.get(
        `/api/external/suppressions?channel=email&page_size=1&cursor=${cursor}`,
      );
      expect(page.status).toBe(200);
      seen.push(...page.body.suppressions.map((s: any) => s.address));
      cursor = page.body.next_cursor;
      if (!page.body.has_more) break;
    }
    expect(seen).toEqual(["a@list.test", "b@list.test", "c@list.test"]);
    // Nothing new after the last cursor; a later entry comes next.
    expect(
      (await own.get(`/api/external/suppressions?cursor=${cursor}&channel=email`)).body
        .suppressions,
    ).toEqual([]);
    await created(own, "/contacts", {
      first_name: "d",
      email: [{ email: "d@list.test" }],
      email_opt_out: true,
    });
    const next = await own.get(`/api/external/suppressions?cursor=${cursor}&channel=email`);
    expect(next.body.suppressions.map((s: any) => s.address)).toEqual(["d@list.test"]);
    expect((await own.get("/api/external/suppressions?cursor=nonsense")).status).toBe(422);
  });

  test("scopes: suppressions:read lists, suppressions:write lifts; the coarse read only lists", async () => {
    await bounce("scoped@globex.test");
    const reader = await server.keyFor(tenantId, ["suppressions:read"]);
    const coarse = await server.keyFor(tenantId, ["read"]);
    const contactsOnly = await server.keyFor(tenantId, ["contacts:read", "contacts:write"]);
    expect((await reader.get("/api/external/suppressions")).status).toBe(200);
    expect((await coarse.get(path("scoped@globex.test"))).status).toBe(200);
    expect((await contactsOnly.get("/api/external/suppressions")).status).toBe(403);
    expect((await reader.delete(path("scoped@globex.test"))).status).toBe(403);
    expect((await coarse.delete(path("scoped@globex.test"))).status).toBe(403);
    const writer = await server.keyFor(tenantId, ["suppressions:write"]);
    expect((await writer.delete(path("scoped@globex.test"))).status).toBe(204);
    // The events feed shows suppression.* to a key that may read the list, not to others.
    const feed = async (client: Api) =>
      (await client.get("/api/external/events?types=suppression.*&cursor=")).body.events
        .filter((e: any) => e.data.address === "scoped@globex.test")
        .map((e: any) => e.event_type);
    const listReader = await server.keyFor(tenantId, ["suppressions:read", "events:read"]);
    expect(await feed(listReader)).toEqual(["suppression.created", "suppression.deleted"]);
    const timeline = await server.keyFor(tenantId, ["interactions:read", "events:read"]);
    expect(await feed(timeline)).toEqual([]);
  });
});
