import type { contacts } from "../../db/schema";
import type { WriteScope, WriteTx } from "../../src/core";
import { findContactByEmail } from "../contacts";
import {
  addParticipants,
  type ConversationRow,
  conversationOfInteractions,
  insertConversation,
  insertMessage,
  isParticipant,
  openChannelConversation,
  type ThreadPerson,
} from "../conversations";
import { emailsOfThread, type InteractionRow } from "./service";
import type { TeamAddresses } from "./team-addresses";

type ContactRow = typeof contacts.$inferSelect;
/** What the inbox takes from a received email or SMS. */
type Carried = Pick<
  InteractionRow,
  "id" | "subject" | "bodyText" | "bodyHtml" | "fromAddress" | "messageId" | "providerId"
>;
/** What the inbox takes from a received email: also who it names, and its thread. */
type CarriedEmail = Carried &
  Pick<InteractionRow, "toAddresses" | "ccAddresses" | "threadId"> & { fromAddress: string };

/** The most people one email adds to a conversation's thread (a mass mailing's Cc is no thread). */
const PEOPLE_MAX = 50;

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
 * The conversation of the thread an email answers: the one holding the
 * email it replies to, else the one holding the newest email of its thread
 * (a reply to an email sent with POST /email/send, in a thread that reached
 * the inbox since).
 */
export async function threadConversation(
  tx: WriteTx,
  tenantId: string,
  parent: InteractionRow | null,
): Promise<ConversationRow | null> {
  if (!parent) return null;
  return (
    (await conversationOfInteractions(tx, tenantId, [parent.id])) ??
    (await conversationOfInteractions(
      tx,
      tenantId,
      await emailsOfThread(tx, tenantId, parent.threadId ?? parent.id),
    ))
  );
}

/**
 * The conversation a received email answers: its thread's, when the sender
 * is that conversation's customer or one of its participants. A reply from
 * someone not on the thread (a forwarded thread) opens that person's own
 * conversation: the thread does not leak.
 */
async function answeredConversation(
  tx: WriteTx,
  tenantId: string,
  contact: ContactRow,
  sender: string,
  parent: InteractionRow | null,
) {
  const conversation = await threadConversation(tx, tenantId, parent);
  if (!conversation) return null;
  return conversation.customerId === contact.id || isParticipant(conversation, sender)
    ? conversation
    : null;
}

/**
 * The people a received email names (From, To, Cc), each once and in that
 * order, without the team's addresses, with the contact having each address
 * (the sender's is the one found or created for it).
 */
async function peopleOf(
  tx: WriteTx,
  tenantId: string,
  email: CarriedEmail,
  sender: ContactRow | null,
  team: TeamAddresses,
): Promise<ThreadPerson[]> {
  const named = [email.fromAddress, ...email.toAddresses, ...email.ccAddresses];
  const addresses = [...new Set(named)].filter((a) => !team.has(a)).slice(0, PEOPLE_MAX);
  const people: ThreadPerson[] = [];
  for (const address of addresses) {
    const contact =
      address === email.fromAddress && sender
        ? sender
        : await findContactByEmail(tx, tenantId, address);
    people.push({ email: address, contactId: contact?.id ?? null });
  }
  return people;
}

/**
 * The conversation a received email goes to, and its author there: the
 * conversation it answers (its participants joined by whom this email
 * names; the author the sender, when another participant than the
 * customer), else a new email conversation with the sender, the others it
 * names its participants.
 */
async function inboxConversation(
  tx: WriteTx,
  scope: WriteScope,
  email: { contact: ContactRow; parent: InteractionRow | null; interaction: CarriedEmail },
  people: ThreadPerson[],
): Promise<{ conversation: ConversationRow; authorId?: string }> {
  const { contact, interaction } = email;
  const sender = interaction.fromAddress;
  const answered = await answeredConversation(tx, scope.tenantId, contact, sender, email.parent);
  if (answered) {
    const conversation = await addParticipants(tx, scope, answered, people);
    return {
      conversation,
      authorId: answered.customerId === contact.id ? undefined : contact.id,
    };
  }
  const conversation = await insertConversation(
    tx,
    scope,
    { customer_id: contact.id, channel: "email", subject: interaction.subject?.slice(0, 500) },
    null,
    sender,
    people
      .filter((p) => p.email !== sender && p.contactId !== contact.id)
      .map((p) => ({ email: p.email, contact_id: p.contactId })),
  );
  return { conversation };
}

/**
 * A received email in the support inbox: it joins the conversation of the
 * email it answers (In-Reply-To / References) when its sender is on that
 * thread, else opens a new email conversation with the sender, and becomes
 * a customer message there (conversation.created or .updated,
 * message.created), in the transaction that records the email.
 * `team`: the team's own mailboxes in the thread, no participants.
 */
export async function emailToInbox(
  tx: WriteTx,
  scope: WriteScope,
  email: {
    contact: ContactRow;
    parent: InteractionRow | null;
    interaction: CarriedEmail;
    team: TeamAddresses;
  },
): Promise<void> {
  const { contact, interaction } = email;
  const people = await peopleOf(tx, scope.tenantId, interaction, contact, email.team);
  const { conversation, authorId } = await inboxConversation(tx, scope, email, people);
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
    { carriedBy: { interactionId: interaction.id, authorId } },
  );
}

/**
 * An email from one of the team's own mailboxes (a second inbox, an
 * agent's address) in a conversation's thread: the team wrote it, so it
 * becomes an agent message there (author_id the address; it already went
 * out, so it is not sent again, counts as no unread message and reopens
 * nothing), and the others it names join the participants.
 */
export async function teamEmailToInbox(
  tx: WriteTx,
  scope: WriteScope,
  email: { conversation: ConversationRow; interaction: CarriedEmail; team: TeamAddresses },
): Promise<void> {
  const { interaction } = email;
  const people = await peopleOf(tx, scope.tenantId, interaction, null, email.team);
  const conversation = await addParticipants(tx, scope, email.conversation, people);
  await insertMessage(
    tx,
    scope,
    {
      conversation_id: conversation.id,
      author_type: "agent",
      author_id: interaction.fromAddress.slice(0, 200),
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
