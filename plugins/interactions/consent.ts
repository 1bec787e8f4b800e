import { and, eq } from "drizzle-orm";
import { communicationOptOuts, type contacts } from "../../db/schema";
import { ApiError, type WriteTx } from "../../src/core";

type ContactRow = typeof contacts.$inferSelect;
export type Channel = "email" | "sms";
/** An address a message goes to, with the contact it reaches there (if any). */
export interface ConsentRecipient {
  contact: ContactRow | null | undefined;
  address: string;
}

const channelName = (channel: Channel) => (channel === "email" ? "email" : "SMS");

/**
 * Who of the recipients opted out of the channel, as a sentence: a contact
 * who did (`email_opt_out` / `sms_opt_out`), or an address that did (an SMS
 * "STOP" from a number no contact has); null when all consent.
 */
export async function optOutOf(
  tx: WriteTx,
  tenantId: string,
  channel: Channel,
  recipients: ConsentRecipient[],
): Promise<string | null> {
  for (const { contact, address } of recipients) {
    if (contact && (channel === "email" ? contact.emailOptOut : contact.smsOptOut))
      return `The contact ${contact.id} opted out of ${channelName(channel)}`;
    const [blocked] = await tx
      .select({ address: communicationOptOuts.address })
      .from(communicationOptOuts)
      .where(
        and(
          eq(communicationOptOuts.tenantId, tenantId),
          eq(communicationOptOuts.channel, channel),
          eq(communicationOptOuts.address, address.toLowerCase()),
        ),
      );
    if (blocked) return `${address} opted out of ${channelName(channel)}`;
  }
  return null;
}

/** Refuses a send (409 OPTED_OUT) when a recipient opted out of the channel. */
export async function assertConsent(
  tx: WriteTx,
  tenantId: string,
  channel: Channel,
  recipients: ConsentRecipient[],
) {
  const optedOut = await optOutOf(tx, tenantId, channel, recipients);
  if (optedOut) throw new ApiError(409, "OPTED_OUT", `${optedOut}; nothing was sent`);
}

/** Records (or lifts) an address's opt-out of a channel. */
export async function setAddressOptOut(
  tx: WriteTx,
  tenantId: string,
  channel: Channel,
  address: string,
  optOut: boolean,
  now: Date,
) {
  const key = { tenantId, channel, address: address.toLowerCase() };
  if (optOut)
    await tx
      .insert(communicationOptOuts)
      .values({ ...key, createdAt: now })
      .onConflictDoNothing();
  else
    await tx
      .delete(communicationOptOuts)
      .where(
        and(
          eq(communicationOptOuts.tenantId, key.tenantId),
          eq(communicationOptOuts.channel, key.channel),
          eq(communicationOptOuts.address, key.address),
        ),
      );
}
