import { and, eq, inArray } from "drizzle-orm";
import { communicationOptOuts, type contacts } from "../../db/schema";
import { phoneParser, type WriteTx } from "../../src/core";

type Row = typeof contacts.$inferSelect;
type Channel = "email" | "sms";

const normalised = (email: string) => email.trim().toLowerCase();

/** The contact's addresses on a channel as the opt-out list keys them: lower-case emails, E.164 numbers. */
async function addressesOf(row: Row, channel: Channel): Promise<string[]> {
  if (channel === "email") return [...new Set(row.emails.map((e) => normalised(e.email)))];
  const e164 = await phoneParser();
  return [...new Set(row.phones.map((p) => e164(p.number)).filter((n): n is string => n !== null))];
}

/**
 * Keeps a contact's opt-outs on the tenant's opt-out list, per address: a
 * contact that opts out of email (or SMS) puts each of its emails (phone
 * numbers, in E.164) there, and so does one that is opted out when it
 * gets new ones. The opt-out then belongs to the address, not to the
 * record: it outlives the contact's deletion, and a contact created again
 * with the address is still not sent to. An explicit `false` (the person
 * opted back in) lifts the opt-out of the contact's addresses; a bounce
 * stays.
 */
export async function keepOptOuts(
  tx: WriteTx,
  row: Row,
  input: {
    email_opt_out?: boolean;
    sms_opt_out?: boolean;
    email?: unknown;
    phone_number?: unknown;
  },
  now: Date,
) {
  const channels = [
    { channel: "email", optOut: row.emailOptOut, asked: input.email_opt_out, changed: input.email },
    {
      channel: "sms",
      optOut: row.smsOptOut,
      asked: input.sms_opt_out,
      changed: input.phone_number,
    },
  ] as const;
  for (const { channel, optOut, asked, changed } of channels) {
    const record = optOut && (asked === true || changed !== undefined);
    const lift = !optOut && asked === false;
    if (!record && !lift) continue;
    const addresses = await addressesOf(row, channel);
    if (addresses.length === 0) continue;
    const o = communicationOptOuts;
    if (record)
      await tx
        .insert(o)
        .values(
          addresses.map((address) => ({
            tenantId: row.tenantId,
            channel,
            address,
            createdAt: now,
          })),
        )
        .onConflictDoNothing();
    else
      await tx
        .delete(o)
        .where(
          and(
            eq(o.tenantId, row.tenantId),
            eq(o.channel, channel),
            inArray(o.address, addresses),
            eq(o.reason, "opt_out"),
          ),
        );
  }
}
