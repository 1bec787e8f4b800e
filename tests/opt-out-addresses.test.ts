import { beforeAll, describe, expect, test } from "bun:test";
import { asc } from "drizzle-orm";
import { migrate, migrationsOf } from "../db/migrate";
import { communicationOptOuts, contacts, interactions } from "../db/schema";
import { reserveSyncSeq } from "../db/sequence";
import { created } from "./helpers/api";
import { beforeMigration } from "./helpers/database";
import { eventsFor } from "./helpers/records";
import type { Api } from "./helpers/server";
import { useTestServer } from "./helpers/suite";

/**
 * Opt-outs belong to the address or number, per tenant: deleting the
 * contact that opted out does not opt the address back in, and a contact
 * created again with it is still not sent to.
 */
const server = useTestServer({
  config: {
    rateLimit: 100_000,
    emailFrom: "sales@acme.test",
    smsFrom: "+14155550100",
    sendMaxPerHour: 1000,
  },
});
let api: Api;
let other: Api;

const email = (body: Record<string, unknown>, client = api) =>
  client.post("/api/external/email/send", { subject: "Hello", text: "Hi", ...body });
const sms = (body: Record<string, unknown>, client = api) =>
  client.post("/api/external/sms/send", { body: "Hi", ...body });
const remove = async (id: string) =>
  expect((await api.delete(`/api/external/contacts/${id}`)).status).toBe(204);

beforeAll(async () => {
  ({ api } = await server.tenant());
  ({ api: other } = await server.tenant());
});

describe("opt-outs outlive the contact", () => {
  test("email: deleted, then created again with the address: still opted out until it opts back in", async () => {
    const ann = (
      await created(api, "/contacts", { first_name: "Ann", email: [{ email: "ann@globex.test" }] })
    ).id;
    expect((await api.patch(`/api/external/contacts/${ann}`, { email_opt_out: true })).status).toBe(
      200,
    );
    await remove(ann);
    const byAddress = await email({ to: ["ann@globex.test"] });
    expect(byAddress.status).toBe(409);
    expect(byAddress.body.code).toBe("OPTED_OUT");

    const again = (
      await created(api, "/contacts", { first_name: "Ann", email: [{ email: "Ann@Globex.test" }] })
    ).id;
    const byContact = await email({ contact_id: again });
    expect(byContact.status).toBe(409);
    expect(byContact.body.detail).toContain("opted out of email");
    // Another tenant's contact with the address is not affected.
    expect((await email({ to: ["ann@globex.test"] }, other)).status).toBe(202);

    // Opting back in, explicitly, lifts it.
    expect(
      (await api.patch(`/api/external/contacts/${again}`, { email_opt_out: false })).status,
    ).toBe(200);
    expect((await email({ contact_id: again })).status).toBe(202);
  });

  test("an address given to an opted-out contact later is kept too", async () => {
    const bo = (
      await created(api, "/contacts", {
        first_name: "Bo",
        email: [{ email: "bo@globex.test" }],
        email_opt_out: true,
      })
    ).id;
    await api.patch(`/api/external/contacts/${bo}`, {
      email: [{ email: "bo@globex.test" }, { email: "bo.private@home.test" }],
    });
    await remove(bo);
    for (const to of ["bo@globex.test", "bo.private@home.test"])
      expect((await email({ to: [to] })).status).toBe(409);
  });

  test("SMS: the number stays opted out in any format it is written in", async () => {
    const cy = (
      await created(api, "/contacts", {
        first_name: "Cy",
        phone_number: [{ number: "+1 415-555-0199" }],
        sms_opt_out: true,
      })
    ).id;
    await remove(cy);
    const again = (
      await created(api, "/contacts", {
        first_name: "Cy",
        phone_number: [{ number: "+14155550199" }],
      })
    ).id;
    const refused = await sms({ contact_id: again });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe("OPTED_OUT");
    expect((await sms({ to: "+1 (415) 555-0199" })).status).toBe(409);
    expect((await sms({ to: "+14155550199" }, other)).status).toBe(202);
  });
});

describe("a contact shows the opt-outs of its addresses", () => {
  const contact = async (id: string) => (await api.get(`/api/external/contacts/${id}`)).body;

  test("created with an address that opted out: email_opt_out is true, in its event too", async () => {
    const gil = (
      await created(api, "/contacts", {
        first_name: "Gil",
        email: [{ email: "gil@globex.test" }],
        email_opt_out: true,
      })
    ).id;
    await remove(gil);
    const again = await created(api, "/contacts", {
      first_name: "Gil",
      email: [{ email: "work@gil.test" }, { email: "GIL@globex.test" }],
    });
    expect(again).toMatchObject({ email_opt_out: true, sms_opt_out: false });
    const [event] = await eventsFor(server, again.id);
    expect(event).toMatchObject({ event_type: "contact.created", data: { email_opt_out: true } });
    // The person opted out: the contact's other address joins the list, as for any opted-out contact.
    expect((await email({ to: ["work@gil.test"] })).body.code).toBe("OPTED_OUT");
    // Another tenant's contact with the address is not affected.
    const elsewhere = await created(other, "/contacts", {
      first_name: "Gil",
      email: [{ email: "gil@globex.test" }],
    });
    expect(elsewhere.email_opt_out).toBe(false);
  });

  test("given such an address or number later: true; an explicit false in the same write opts back in", async () => {
    const old = await created(api, "/contacts", {
      first_name: "Old",
      email: [{ email: "hal@globex.test" }],
      phone_number: [{ number: "+14155550188" }],
      email_opt_out: true,
      sms_opt_out: true,
    });
    await remove(old.id);
    const hal = (await created(api, "/contacts", { first_name: "Hal" })).id;
    expect(await contact(hal)).toMatchObject({ email_opt_out: false, sms_opt_out: false });
    const updated = await api.patch(`/api/external/contacts/${hal}`, {
      email: [{ email: "Hal@Globex.test" }],
      phone_number: [{ number: "+1 415 555 0188" }],
    });
    expect(updated.body).toMatchObject({ email_opt_out: true, sms_opt_out: true });
    const [, change] = await eventsFor(server, hal);
    expect(change.event_type).toBe("contact.updated");
    expect(change.data).toMatchObject({ email_opt_out: true, sms_opt_out: true });

    const ivy = (await created(api, "/contacts", { first_name: "Ivy" })).id;
    const optedIn = await api.put(`/api/external/contacts/${ivy}`, {
      first_name: "Ivy",
      email: [{ email: "hal@globex.test" }],
      email_opt_out: false,
    });
    expect(optedIn.body.email_opt_out).toBe(false);
    expect((await email({ to: ["hal@globex.test"] })).status).toBe(409); // Hal is still opted out
    expect((await email({ contact_id: ivy })).status).toBe(409);
    expect(
      (await api.patch(`/api/external/contacts/${hal}`, { email_opt_out: false })).body
        .email_opt_out,
    ).toBe(false);
    expect((await email({ contact_id: ivy })).status).toBe(202);
  });
});

const then = new Date("2026-01-01T00:00:00.000Z");

/** A contact row as an earlier version stored it, in tenant t1. */
const contact = (id: string, syncSeq: number, columns: Partial<typeof contacts.$inferInsert>) => ({
  id,
  syncSeq,
  tenantId: "t1",
  emails: [],
  phones: [],
  tags: [],
  customFields: {},
  createdAt: then,
  updatedAt: then,
  ...columns,
});

describe("migration 1421", () => {
  test("opt-outs recorded before, of live and deleted contacts, are put on the list per address", async () => {
    const step = "1421_opt_outs_per_address";
    await beforeMigration(step, async (db) => {
      await db.transaction(async (tx) => {
        const first = await reserveSyncSeq(tx, 3);
        await tx.insert(contacts).values([
          contact("a", first, {
            emails: [{ email: " Ann@Globex.test", type: "Work" }],
            emailOptOut: true,
            deletedAt: then,
          }),
          contact("b", first + 1, {
            emails: [{ email: "bo@globex.test", type: "Work" }],
            phones: [
              { number: "+1 415-555-0123", type: "Mobile" },
              { number: "n/a", type: "x" },
            ],
            smsOptOut: true,
          }),
          contact("c", first + 2, {
            emails: [{ email: "cy@globex.test", type: "Work" }],
          }),
        ]);
      });
      expect(await migrate(db, migrationsOf(db))).toEqual([step]);
      const rows = await db.read
        .select({
          tenantId: communicationOptOuts.tenantId,
          channel: communicationOptOuts.channel,
          address: communicationOptOuts.address,
          reason: communicationOptOuts.reason,
        })
        .from(communicationOptOuts)
        .orderBy(asc(communicationOptOuts.address));
      expect(rows).toEqual([
        { tenantId: "t1", channel: "sms", address: "+14155550123", reason: "opt_out" },
        { tenantId: "t1", channel: "email", address: "ann@globex.test", reason: "opt_out" },
      ]);
    });
  });
});

describe("migration 1470", () => {
  test("live contacts whose address is on the list as opted out show the opt-out, move in the feed, and list their other addresses", async () => {
    const step = "1470_contact_opt_out_flags";
    await beforeMigration(step, async (db) => {
      let first = 0;
      await db.transaction(async (tx) => {
        first = await reserveSyncSeq(tx, 7);
        await tx.insert(contacts).values([
          // Opted out by address: both flags set, the other email joins the list.
          contact("a", first, {
            emails: [
              { email: " Ann@Globex.test", type: "Work" },
              { email: "ann@home.test", type: "Home" },
            ],
            phones: [{ number: "+1 415-555-0123", type: "Mobile" }],
          }),
          // Bounced only: no opt-out.
          contact("b", first + 1, { emails: [{ email: "gone@globex.test", type: "Work" }] }),
          // Another tenant's opt-out of the same address does not count.
          contact("c", first + 2, {
            tenantId: "t2",
            emails: [{ email: "ann@globex.test", type: "Work" }],
          }),
          // Deleted: left as it is.
          contact("d", first + 3, {
            emails: [{ email: "ann@globex.test", type: "Work" }],
            deletedAt: then,
          }),
          // Already opted out of email: unchanged.
          contact("e", first + 4, {
            emails: [{ email: "ann@globex.test", type: "Work" }],
            emailOptOut: true,
          }),
          // Nothing listed.
          contact("f", first + 5, { emails: [{ email: "fay@globex.test", type: "Work" }] }),
          // SMS only.
          contact("g", first + 6, {
            emails: [{ email: "gus@globex.test", type: "Work" }],
            phones: [
              { number: "+14155550124", type: "Mobile" },
              { number: "+1 (415) 555-0125", type: "Work" },
            ],
          }),
        ]);
        await tx.insert(communicationOptOuts).values([
          { tenantId: "t1", channel: "email", address: "ann@globex.test", createdAt: then },
          { tenantId: "t1", channel: "sms", address: "+14155550123", createdAt: then },
          { tenantId: "t1", channel: "sms", address: "+14155550124", createdAt: then },
          {
            tenantId: "t1",
            channel: "email",
            address: "gone@globex.test",
            reason: "bounce",
            detail: "550 5.1.1 User unknown",
            createdAt: then,
          },
        ]);
      });
      expect(await migrate(db, migrationsOf(db))).toEqual([step]);
      const rows = await db.read
        .select({
          id: contacts.id,
          emailOptOut: contacts.emailOptOut,
          smsOptOut: contacts.smsOptOut,
          updatedAt: contacts.updatedAt,
          syncSeq: contacts.syncSeq,
        })
        .from(contacts)
        .orderBy(asc(contacts.id));
      const flags = Object.fromEntries(
        rows.map((r) => [r.id, [r.emailOptOut, r.smsOptOut, r.updatedAt > then]]),
      );
      expect(flags).toEqual({
        a: [true, true, true],
        b: [false, false, false],
        c: [false, false, false],
        d: [false, false, false],
        e: [true, false, false],
        f: [false, false, false],
        g: [false, true, true],
      });
      const seq = Object.fromEntries(rows.map((r) => [r.id, r.syncSeq]));
      expect(seq.b).toBe(first + 1);
      expect(seq.a).toBeGreaterThan(first + 6);
      expect(seq.g).toBeGreaterThan(first + 6);
      expect(seq.a).not.toBe(seq.g);
      const list = await db.read
        .select({
          tenantId: communicationOptOuts.tenantId,
          channel: communicationOptOuts.channel,
          address: communicationOptOuts.address,
          reason: communicationOptOuts.reason,
        })
        .from(communicationOptOuts)
        .orderBy(asc(communicationOptOuts.channel), asc(communicationOptOuts.address));
      expect(list).toEqual([
        { tenantId: "t1", channel: "email", address: "ann@globex.test", reason: "opt_out" },
        { tenantId: "t1", channel: "email", address: "ann@home.test", reason: "opt_out" },
        { tenantId: "t1", channel: "email", address: "gone@globex.test", reason: "bounce" },
        { tenantId: "t1", channel: "sms", address: "+14155550123", reason: "opt_out" },
        { tenantId: "t1", channel: "sms", address: "+14155550124", reason: "opt_out" },
        { tenantId: "t1", channel: "sms", address: "+14155550125", reason: "opt_out" },
      ]);
    });
  });
});

describe("migration 1471", () => {
  test("an SMS opt-out recorded without its keyword gets the STOP its number last texted, so the API cannot lift it", async () => {
    const step = "1471_texted_stops";
    await beforeMigration(step, async (db) => {
      const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute));
      let n = 0;
      const sms = (tenantId: string, from: string, body: string, minute: number) => ({
        id: `00000000-0000-7000-8000-${String(++n).padStart(12, "0")}`,
        tenantId,
        type: "sms",
        direction: "inbound",
        status: "received",
        fromAddress: from,
        bodyText: body,
        occurredAt: at(minute),
        createdAt: at(minute),
        updatedAt: at(minute),
      });
      await db.transaction(async (tx) => {
        const first = await reserveSyncSeq(tx, 7);
        await tx.insert(interactions).values(
          [
            sms("t1", "+14155550101", "Hello", 1),
            sms("t1", "+14155550101", " unsubscribe ", 2),
            sms("t1", "+14155550101", "sorry, wrong number", 3),
            // texted STOP, then START: the opt-out listed now was made through the API
            sms("t1", "+14155550102", "STOP", 1),
            sms("t1", "+14155550102", "START", 2),
            // another tenant's STOP from the same number
            sms("t2", "+14155550103", "STOP", 1),
            // a STOP whose entry has its keyword already
            sms("t1", "+14155550104", "QUIT", 1),
            sms("t1", "+14155550105", "STOP", 1),
          ].map((row, i) => ({ ...row, syncSeq: first + i })),
        );
        await tx.insert(communicationOptOuts).values(
          [
            ["t1", "+14155550101", null],
            ["t1", "+14155550102", null],
            ["t1", "+14155550103", null],
            ["t1", "+14155550104", "texted STOP"],
            ["t1", "+14155550106", null],
          ].map(([tenantId, address, detail]) => ({
            tenantId: tenantId as string,
            channel: "sms",
            address: address as string,
            detail,
            createdAt: at(0),
          })),
        );
      });
      expect(await migrate(db, migrationsOf(db))).toEqual([step]);
      const rows = await db.read
        .select({ address: communicationOptOuts.address, detail: communicationOptOuts.detail })
        .from(communicationOptOuts)
        .orderBy(asc(communicationOptOuts.address));
      expect(rows).toEqual([
        { address: "+14155550101", detail: "texted UNSUBSCRIBE" },
        { address: "+14155550102", detail: null },
        { address: "+14155550103", detail: null },
        { address: "+14155550104", detail: "texted STOP" },
        { address: "+14155550106", detail: null },
      ]);
    });
  });
});
