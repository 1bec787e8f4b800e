import type { contacts } from "../../db/schema";
import type { WriteScope, WriteTx } from "../../src/core";
import {
  conversationOfInteractions,
  insertConversation,
  insertMessage,
  openChannelConversation,
} from "../conversations";
import { emailsOfThread, type InteractionRow } from "./service";

type ContactRow = typeof contacts.$inferSelect;
/** What the inbox takes from a received email or SMS. */
type Carried = Pick<
  InteractionRow,
  "id" | "subject" | "bodyText" | "bodyHtml" | "fromAddress" | "messageId" | "providerId"
>;

/** The longest message body a conversation takes (the messages API's limit). */
const BODY_MAX = 100_000;

/** A message's text from an email: its text part, else its HTML without tags. */
function emailBody(text: string | null, html: string | null): string {
  const body =
    text?.trim() ||
    html
      ?.replace(/<(style|script)[^>]*>[\s\S]*?<\/\1>/gi, "")
      .replace(/<[^>]+>/g, " ")
      .replace(/\s+/g, " ")
      .trim() ||
    "(no text)";
  return body.slice(0, BODY_MAX);
}

/**
 * The conversation a received email answers: the one holding the email
 * it replies to, else the one holding the newest email of its thread (a
 * reply to an email sent with POST /email/send, in a thread that reached
 * the inbox since), when that conversation is the sender's. A reply from
 * someone else opens that person's own conversation.
 */
async function answeredConversation(
  tx: WriteTx,
  tenantId: string,
  contact: ContactRow,
  parent: InteractionRow | null,
) {
  if (!parent) return null;
  const conversation =
    (await conversationOfInteractions(tx, tenantId, [parent.id])) ??
    (await conversationOfInteractions(
      tx,
      tenantId,
      await emailsOfThread(tx, tenantId, parent.threadId ?? parent.id),
    ));
  return conversation?.customerId === contact.id ? conversation : null;
}

/**
 * A received email in the support inbox: it joins the conversation of the
 * email it answers (In-Reply-To / References), else opens a new email
 * conversation with the sender, and becomes a customer message there
 * (conversation.created, message.created), in the transaction that records
 * the email.
 */
export async function emailToInbox(
  tx: WriteTx,
  scope: WriteScope,
  email: { contact: ContactRow; parent: InteractionRow | null; interaction: Carried },
): Promise<void> {
  const { contact, interaction } = email;
  const conversation =
    (await answeredConversation(tx, scope.tenantId, contact, email.parent)) ??
    (await insertConversation(
      tx,
      scope,
      { customer_id: contact.id, channel: "email", subject: interaction.subject?.slice(0, 500) },
      null,
      interaction.fromAddress,
    ));
  await insertMessage(
    tx,
    scope,
    {
      conversation_id: conversation.id,
      author_type: "customer",
      body: emailBody(interaction.bodyText, interaction.bodyHtml),
      channel: "email",
      external_id: interaction.messageId?.slice(0, 200) ?? undefined,
    },
    { carriedBy: { interactionId: interaction.id } },
  );
}

/**
 * A received SMS in the support inbox: it joins the customer's open SMS
 * conversation with that number (not closed, not archived), else opens a
 * new one, and becomes a customer message there.
 */
export async function smsToInbox(
  tx: WriteTx,
  scope: WriteScope,
  sms: { contact: ContactRow; from: string; interaction: Carried },
): Promise<void> {
  const { contact, from, interaction } = sms;
  const conversation =
    (await openChannelConversation(tx, scope.tenantId, contact.id, "sms", from)) ??
    (await insertConversation(tx, scope, { customer_id: contact.id, channel: "sms" }, null, from));
  await insertMessage(
    tx,
    scope,
    {
      conversation_id: conversation.id,
      author_type: "customer",
      body: (interaction.bodyText ?? "").slice(0, BODY_MAX) || "(empty)",
      channel: "sms",
      external_id: interaction.providerId?.slice(0, 200) ?? undefined,
    },
    { carriedBy: { interactionId: interaction.id } },
  );
}
