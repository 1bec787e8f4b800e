import { and, asc, count, eq, gt, inArray, isNull, or } from "drizzle-orm";
import type { WriteTx } from "../client";
import { communicationOptOuts, contacts } from "../schema";
import { reserveSyncSeq } from "../sequence";
import type { MigrationStep } from ".";

/** Contacts read per page. */
const PAGE = 1_000;
/** Addresses looked up per query (well under both dialects' bound-parameter limits). */
const CHUNK = 500;

type Channel = "email" | "sms";

/**
 * Migration 1470 (both dialects): a contact shows the opt-outs of its
 * addresses (plugins/contacts/consent.ts) since the suppression list exists,
 * but only when it is written. A live contact written before, reading
 * `email_opt_out: false` (`sms_opt_out: false`) while one of its emails
 * (phone numbers, E.164) is on its tenant's list as opted out (a bounce is
 * no opt-out), now reads true, and, as any opted-out contact, its other
 * addresses of that channel join the list. Each contact changed moves in
 * the sync feeds (updated_at, sync_seq), as 1411 does, so a poller gets the
 * value now stored; no events or activity rows, as for the migrations
 * before it.
 */
export async function showOptOutsOnContacts(tx: WriteTx, step: MigrationStep): Promise<void> {
  const c = contacts;
  const o = communicationOptOuts;
  const candidates = and(isNull(c.deletedAt), or(eq(c.emailOptOut, false), eq(c.smsOptOut, false)));
  const [found] = await tx.select({ n: count() }).from(c).where(candidates);
  const total = Number(found?.n ?? 0);
  if (total === 0) return;
  const [listed] = await tx.select({ n: count() }).from(o).where(eq(o.reason, "opt_out"));
  if (Number(listed?.n ?? 0) === 0) return step.progress(total, total);
  const { parsePhoneNumberFromString } = await import("libphonenumber-js");
  const e164 = (number: string) => {
    const parsed = parsePhoneNumberFromString(number.trim());
    return parsed?.isValid() ? parsed.number : null;
  };
  const now = new Date();

  /** `tenant \n address` of the given addresses on the list as opted out, on one channel. */
  async function optedOut(channel: Channel, addresses: string[]): Promise<Set<string>> {
    const keys = new Set<string>();
    const unique = [...new Set(addresses)];
    for (let i = 0; i < unique.length; i += CHUNK) {
      const rows = await tx
        .select({ tenantId: o.tenantId, address: o.address })
        .from(o)
        .where(
          and(
            eq(o.channel, channel),
            eq(o.reason, "opt_out"),
            inArray(o.address, unique.slice(i, i + CHUNK)),
          ),
        );
      for (const row of rows) keys.add(`${row.tenantId}\n${row.address}`);
    }
    return keys;
  }

  let after = "";
  let done = 0;
  for (;;) {
    const page = await tx
      .select()
      .from(c)
      .where(and(candidates, gt(c.id, after)))
      .orderBy(asc(c.id))
      .limit(PAGE);
    const addressed = page.map((row) => ({
      row,
      email: row.emailOptOut
        ? []
        : [...new Set(row.emails.map((e) => e.email.trim().toLowerCase()).filter(Boolean))],
      sms: row.smsOptOut
        ? []
        : [
            ...new Set(
              row.phones.map((p) => e164(p.number)).filter((n): n is string => n !== null),
            ),
          ],
    }));
    const listedEmail = await optedOut(
      "email",
      addressed.flatMap((a) => a.email),
    );
    const listedSms = await optedOut(
      "sms",
      addressed.flatMap((a) => a.sms),
    );
    for (const { row, email, sms } of addressed) {
      const on = (keys: Set<string>, address: string) => keys.has(`${row.tenantId}\n${address}`);
      const emailOptOut = email.some((address) => on(listedEmail, address));
      const smsOptOut = sms.some((address) => on(listedSms, address));
      if (!emailOptOut && !smsOptOut) continue;
      const syncSeq = await reserveSyncSeq(tx);
      await tx
        .update(c)
        .set({
          ...(emailOptOut ? { emailOptOut: true } : {}),
          ...(smsOptOut ? { smsOptOut: true } : {}),
          updatedAt: now,
          syncSeq,
        })
        .where(eq(c.id, row.id));
      const joining = [
        ...(emailOptOut ? email.map((address) => ({ channel: "email", address })) : []),
        ...(smsOptOut ? sms.map((address) => ({ channel: "sms", address })) : []),
      ].map((v) => ({ ...v, tenantId: row.tenantId, createdAt: now }));
      await tx.insert(o).values(joining).onConflictDoNothing();
    }
    done += page.length;
    step.progress(done, total);
    if (page.length < PAGE) return;
    after = page[page.length - 1].id;
  }
}
