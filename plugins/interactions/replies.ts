import { ApiError, type AppContext, type WriteTx } from "../../src/core";
import { contactsWithEmail } from "../contacts";
import {
  type ConversationRow,
  findConversation,
  latestCarrier,
  participantAddresses,
  type ReplyDelivery,
  type ReplySender,
} from "../conversations";
import { optOutOf } from "./consent";
import { queueEmailIn } from "./email";
import { findInteraction } from "./service";
import { queueSmsIn } from "./sms";
import { teamAddressesOf } from "./team-addresses";

/** A reply's subject: the answered email's, as mail clients write it. */
const replySubject = (subject: string | null | undefined) =>
  !subject ? "Your conversation" : /^re:/i.test(subject) ? subject : `Re: ${subject}`;

/** The conversation's latest email or SMS, which a reply answers (null: none yet). */
async function latestOf(tx: WriteTx, tenantId: string, conversationId: string) {
  const conversation = await findConversation(tx, tenantId, conversationId);
  const id = await latestCarrier(tx, conversation);
  return id ? findInteraction(tx, tenantId, id).catch(() => null) : null;
}

/**
 * The thread's participants a reply is Cc'd to (reply-all): those who may
 * get email. One who opted out or whose address bounced is left out, so the
 * customer still gets the reply; so is one of the team's own mailboxes (a
 * participant recorded before the team listed it), which a Cc would loop
 * back into the inbox.
 */
async function replyCc(
  ctx: AppContext,
  tx: WriteTx,
  conversation: ConversationRow,
): Promise<string[]> {
  const team = await teamAddressesOf(ctx, tx, conversation.tenantId, null);
  const cc: string[] = [];
  for (const address of participantAddresses(conversation)) {
    if (team.has(address)) continue;
    const owners = await contactsWithEmail(tx, conversation.tenantId, address);
    const recipients = owners.length
      ? owners.map((contact) => ({ contact, address }))
      : [{ contact: null, address }];
    if (!(await optOutOf(tx, conversation.tenantId, "email", recipients))) cc.push(address);
  }
  return cc;
}

/** Why a queued reply may wait: the channel has no provider configured on this server. */
function waitingReason(ctx: AppContext, channel: string): string | null {
  if (channel === "email")
    return ctx.config.smtpUrl
      ? null
      : "email sending is not configured (CRMD_SMTP_URL): queued until it is";
  const { smsProvider, twilioAccountSid, twilioAuthToken } = ctx.config;
  return smsProvider === "twilio" && twilioAccountSid && twilioAuthToken
    ? null
    : "SMS sending is not configured (CRMD_SMS_PROVIDER and Twilio credentials): queued until it is";
}

/**
 * Sends an agent's reply in an email or SMS conversation through the
 * outbound queue, to the conversation's address (else the customer's
 * primary email or first valid phone number). An email answers the
 * conversation's latest email (In-Reply-To, References, the same thread)
 * and is Cc'd to the thread's participants (reply-all);
 * an SMS goes from the number the customer last texted. A reply that
 * cannot be queued (no sender, no address, an opt-out, the send limit) is
 * stored all the same, `not_sent` with the reason.
 */
export const conversationReplies =
  (ctx: AppContext): ReplySender =>
  async (tx, scope, { conversation, body }): Promise<ReplyDelivery> => {
    const latest = await latestOf(tx, scope.tenantId, conversation.id);
    const to = conversation.customerAddress ?? undefined;
    try {
      const queued =
        conversation.channel === "email"
          ? await queueEmailIn(
              ctx,
              tx,
              scope,
              {
                contact_id: conversation.customerId,
                to,
                cc: await replyCc(ctx, tx, conversation),
                subject: replySubject(latest?.subject ?? conversation.subject),
                text: body,
                in_reply_to: latest?.type === "email" && latest.messageId ? latest.id : undefined,
              },
              true,
            )
          : await queueSmsIn(ctx, tx, scope, {
              contact_id: conversation.customerId,
              to,
              body: body.slice(0, 1600),
              from:
                latest?.type !== "sms"
                  ? undefined
                  : latest.direction === "inbound"
                    ? latest.toAddresses[0]
                    : (latest.fromAddress ?? undefined),
            });
      return {
        interactionId: queued.id,
        status: "queued",
        detail: waitingReason(ctx, conversation.channel),
      };
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const fields = error.errors?.map((e) => `${e.path}: ${e.message}`).join("; ");
      return { interactionId: null, status: "not_sent", detail: fields || error.message };
    }
  };
