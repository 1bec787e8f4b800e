import { and, asc, count, eq, gt, or } from "drizzle-orm";
import type { WriteTx } from "../client";
import { communicationOptOuts, contacts } from "../schema";
import type { MigrationStep } from ".";

/** Contacts read per page. */
const PAGE = 5_000;

/**
 * Migration 1421 (both dialects): a contact's opt-out is kept per address
 * from now on (plugins/contacts/consent.ts), so that it outlives the
 * contact. The opt-outs recorded before are put on the list too: each
 * email (lower case) of a contact, live or deleted, that opted out of
 * email, and each phone number (E.164, as libphonenumber writes it) of one
 * that opted out of SMS. A contact deleted before this already lost its
 * opt-out to the bug this closes; it gets it back here.
 */
export async function keepOptOutsPerAddress(tx: WriteTx, step: MigrationStep): Promise<void> {
  const c = contacts;
  const optedOut = or(eq(c.emailOptOut, true), eq(c.smsOptOut, true));
  const [found] = await tx.select({ n: count() }).from(c).where(optedOut);
  const total = Number(found?.n ?? 0);
  if (total === 0) return;
  const { parsePhoneNumberFromString } = await import("libphonenumber-js");
  const e164 = (number: string) => {
    const parsed = parsePhoneNumberFromString(number.trim());
    return parsed?.isValid() ? parsed.number : null;
  };
  const now = new Date();
  let after = "";
  let done = 0;
  for (;;) {
    const page = await tx
      .select()
      .from(c)
      .where(and(optedOut, gt(c.id, after)))
      .orderBy(asc(c.id))
      .limit(PAGE);
    for (const row of page) {
      const emails = row.emailOptOut ? row.emails.map((e) => e.email.trim().toLowerCase()) : [];
      const phones = row.smsOptOut ? row.phones.map((p) => e164(p.number)) : [];
      const values = [
        ...[...new Set(emails.filter(Boolean))].map((address) => ({ channel: "email", address })),
        ...[...new Set(phones.filter((n): n is string => n !== null))].map((address) => ({
          channel: "sms",
          address,
        })),
      ].map((v) => ({ ...v, tenantId: row.tenantId, createdAt: now }));
      if (values.length) await tx.insert(communicationOptOuts).values(values).onConflictDoNothing();
    }
    done += page.length;
    step.progress(done, total);
    if (page.length < PAGE) return;
    after = page[page.length - 1].id;
  }
}
