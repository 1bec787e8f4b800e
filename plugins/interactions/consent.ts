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

const optedOut = (what: string) => new ApiError(409, "OPTED_OUT", `${what}; nothing was sent`);

/**
 * Refuses a send (409 OPTED_OUT) to a contact who opted out of the channel
 * (`email_opt_out` / `sms_opt_out`) or to an address that did (an SMS
 * "STOP" from a number no contact has).
 */
export async function assertConsent(
  tx: WriteTx,
  tenantId: string,
  channel: Channel,
  recipients: ConsentRecipient[],
) {
  for (const { contact, address } of recipients) {
    if (contact && (channel === "email" ? contact.emailOptOut : contact.smsOptOut))
      throw optedOut(
        `The contact ${contact.id} opted out of ${channel === "email" ? "email" : "SMS"}`,
      );
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
    if (blocked) throw optedOut(`${address} opted out of ${channel === "email" ? "email" : "SMS"}`);
  }
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
