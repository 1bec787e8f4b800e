import { and, eq } from "drizzle-orm";
import { communicationOptOuts, type contacts } from "../../db/schema";
import { ApiError, type WriteScope, type WriteTx } from "../../src/core";
import { recordSuppressionChanges } from "../contacts";

type ContactRow = typeof contacts.$inferSelect;
export type Channel = "email" | "sms";
/** An address a message goes to, with the contact it reaches there (if any). */
export interface ConsentRecipient {
  contact: ContactRow | null | undefined;
  address: string;
}

const channelName = (channel: Channel) => (channel === "email" ? "email" : "SMS");

/** Why a send is refused: a recipient opted out, or their address bounced. */
export interface Refusal {
  code: "OPTED_OUT" | "ADDRESS_BOUNCED";
  reason: string;
}

/**
 * Who of the recipients may not be sent to on the channel: a contact who
 * opted out (`email_opt_out` / `sms_opt_out`), or an address on the
 * tenant's suppression list (an SMS "STOP", an email address that
 * bounced); null when all may be.
 */
export async function optOutOf(
  tx: WriteTx,
  tenantId: string,
  channel: Channel,
  recipients: ConsentRecipient[],
): Promise<Refusal | null> {
  // A contact that opted out first: the refusal names it.
  for (const { contact } of recipients)
    if (contact && (channel === "email" ? contact.emailOptOut : contact.smsOptOut))
      return {
        code: "OPTED_OUT",
        reason: `The contact ${contact.id} opted out of ${channelName(channel)}`,
      };
  for (const address of new Set(recipients.map((r) => r.address))) {
    const [blocked] = await tx
      .select({ reason: communicationOptOuts.reason, detail: communicationOptOuts.detail })
      .from(communicationOptOuts)
      .where(
        and(
          eq(communicationOptOuts.tenantId, tenantId),
          eq(communicationOptOuts.channel, channel),
          eq(communicationOptOuts.address, address.toLowerCase()),
        ),
      );
    if (blocked?.reason === "bounce")
      return {
        code: "ADDRESS_BOUNCED",
        reason: `${address} bounced${blocked.detail ? ` (${blocked.detail})` : ""}: it takes no mail`,
      };
    if (blocked)
      return { code: "OPTED_OUT", reason: `${address} opted out of ${channelName(channel)}` };
  }
  return null;
}

/** Refuses a send (409 OPTED_OUT, or ADDRESS_BOUNCED) when a recipient may not be sent to. */
export async function assertConsent(
  tx: WriteTx,
  tenantId: string,
  channel: Channel,
  recipients: ConsentRecipient[],
) {
  const refusal = await optOutOf(tx, tenantId, channel, recipients);
  if (refusal) throw new ApiError(409, refusal.code, `${refusal.reason}; nothing was sent`);
}

/**
 * Suppresses email to an address that bounced: later sends to it are
 * refused (409 ADDRESS_BOUNCED). An address already on the list (an
 * opt-out, an earlier bounce) stays as it is. True when newly suppressed
 * (recorded, with `suppression.created`).
 */
export async function suppressBouncedAddress(
  tx: WriteTx,
  scope: WriteScope,
  address: string,
  detail: string | null,
): Promise<boolean> {
  const inserted = await tx
    .insert(communicationOptOuts)
    .values({
      tenantId: scope.tenantId,
      channel: "email",
      address: address.toLowerCase(),
      reason: "bounce",
      detail: detail?.slice(0, 1000) ?? null,
      createdAt: scope.now,
    })
    .onConflictDoNothing()
    .returning();
  await recordSuppressionChanges(tx, scope, inserted, "created");
  return inserted.length > 0;
}

/**
 * Records (or lifts) an address's opt-out of a channel; `detail` says how
 * the person asked (the SMS keyword). Recorded as a suppression change.
 */
export async function setAddressOptOut(
  tx: WriteTx,
  scope: WriteScope,
  channel: Channel,
  address: string,
  optOut: boolean,
  detail: string | null = null,
) {
  const key = { tenantId: scope.tenantId, channel, address: address.toLowerCase() };
  const o = communicationOptOuts;
  if (optOut) {
    const added = await tx
      .insert(o)
      .values({ ...key, detail, createdAt: scope.now })
      .onConflictDoNothing()
      .returning();
    await recordSuppressionChanges(tx, scope, added, "created");
    // Opted out already (through the API): the stop keyword is what counts now.
    if (added.length === 0 && detail !== null)
      await tx
        .update(o)
        .set({ detail })
        .where(
          and(
            eq(o.tenantId, key.tenantId),
            eq(o.channel, key.channel),
            eq(o.address, key.address),
            eq(o.reason, "opt_out"),
          ),
        );
  } else {
    const lifted = await tx
      .delete(o)
      .where(
        and(
          eq(o.tenantId, key.tenantId),
          eq(o.channel, key.channel),
          eq(o.address, key.address),
          // Opting in lifts an opt-out, not a bounce: the address still takes no mail.
          eq(o.reason, "opt_out"),
        ),
      )
      .returning();
    await recordSuppressionChanges(tx, scope, lifted, "deleted");
  }
}
