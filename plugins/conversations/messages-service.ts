import {
  and,
  asc,
  desc,
  eq,
  inArray,
  isNull,
  lt,
  lte,
  max,
  ne,
  or,
  type SQL,
  sql,
} from "drizzle-orm";
import type { Static } from "elysia";
import { conversations, messages } from "../../db/schema";
import {
  type AppContext,
  eqIf,
  findLive,
  insertRow,
  invalid,
  isLive,
  iso,
  lifecycleFields,
  listPage,
  newId,
  nextSyncSeq,
  parseTime,
  type ReadDb,
  recordEntityChange,
  softDelete,
  updateRow,
  versioned,
  type WriteScope,
  type WriteTx,
} from "../../src/core";
import type { CreateMessage, Message, MessageListQuery, UpdateMessage } from "./model";
import {
  type ConversationRow,
  findConversation,
  reopenForCustomer,
  setMessageCounters,
} from "./service";

export type MessageRow = typeof messages.$inferSelect;
export type MessageView = Static<typeof Message>;
export type MessageInput = Static<typeof CreateMessage>;
export type Author = MessageView["author_type"];

export const messageView = (row: MessageRow): MessageView =>
  versioned(row, {
    id: row.id,
    conversation_id: row.conversationId,
    customer_id: row.customerId,
    author_type: row.authorType as Author,
    author_id: row.authorId,
    body: row.body,
    attachments: row.attachments,
    channel: row.channel as MessageView["channel"],
    external_id: row.externalId,
    sent_at: row.sentAt.toISOString(),
    seen_at: iso(row.seenAt),
    interaction_id: row.interactionId,
    delivery_status: row.deliveryStatus as MessageView["delivery_status"],
    delivery_detail: row.deliveryDetail,
    ...lifecycleFields(row),
  });

const ENTITY = "message";

/** A conversation's messages, as messages_conversation_sent_idx finds them. */
const ofConversation = (conversation: ConversationRow) =>
  and(eq(messages.tenantId, conversation.tenantId), eq(messages.conversationId, conversation.id));

const findMessage = (db: ReadDb | WriteTx, tenantId: string, id: string): Promise<MessageRow> =>
  findLive(db, messages, tenantId, id, "Message");

/** The conversation a new message goes to: a live one of the tenant, else 422. */
async function targetConversation(tx: WriteTx, tenantId: string, id: string) {
  const [row] = await tx
    .select()
    .from(conversations)
    .where(isLive(conversations, tenantId, id));
  if (!row) throw invalid("/conversation_id", "does not exist");
  return row;
}

/**
 * The live message that already has `externalId`, if any. A deleted message
 * no longer holds its external id (messages_tenant_external_idx covers live
 * rows only): the channel's id sent again makes a new message.
 */
async function byExternalId(tx: WriteTx, tenantId: string, externalId: string | undefined) {
  if (externalId === undefined) return undefined;
  const [row] = await tx
    .select()
    .from(messages)
    .where(
      and(
        eq(messages.tenantId, tenantId),
        eq(messages.externalId, externalId),
        isNull(messages.deletedAt),
      ),
    );
  return row;
}

/** How an agent's reply in an email or SMS conversation went out: the email or SMS queued for it. */
export interface ReplyDelivery {
  /** The queued email or SMS; null when none was (delivery `not_sent`). */
  interactionId: string | null;
  status: NonNullable<MessageView["delivery_status"]>;
  detail: string | null;
}

/** What a reply going out needs: its conversation, body, and the actor's scope. */
export interface OutgoingReply {
  conversation: ConversationRow;
  body: string;
}

/**
 * Sends an agent's reply in an email or SMS conversation through that
 * channel, inside the transaction that stores the message (the
 * communications plugin queues it; see registerReplySender).
 */
export type ReplySender = (
  tx: WriteTx,
  scope: WriteScope,
  reply: OutgoingReply,
) => Promise<ReplyDelivery>;

const replySenders = new WeakMap<AppContext, ReplySender>();

/** The channel plugin that sends email and SMS replies registers itself here, per app. */
export const registerReplySender = (ctx: AppContext, sender: ReplySender) =>
  replySenders.set(ctx, sender);

/** What sends this app's agent replies out, if a channel plugin registered one. */
export const replySenderOf = (ctx: AppContext): ReplySender | undefined => replySenders.get(ctx);

/** Channels whose conversations an agent's reply is sent out on. */
const SENT_CHANNELS = new Set(["email", "sms"]);

/**
 * An agent's message goes out when it is written in the conversation's own
 * email or SMS channel and is not already in that channel: a message with
 * an `external_id` is a copy or an import of one the channel carried.
 */
const goesOut = (conversation: ConversationRow, input: MessageInput, author: Author) =>
  author === "agent" &&
  SENT_CHANNELS.has(conversation.channel) &&
  (input.channel ?? conversation.channel) === conversation.channel &&
  input.external_id === undefined;

/**
 * A message an email or SMS carried in: the interaction that recorded it,
 * and for an email from another participant of the thread, that person's
 * contact (the message's author instead of the customer). Such a message
 * is never sent out: the channel already carried it.
 */
export interface CarriedBy {
  interactionId: string;
  authorId?: string;
}

export interface CreatedMessage {
  row: MessageRow;
  /** False when `external_id` named a live message that already existed (returned as it is). */
  created: boolean;
}

/**
 * Inserts a message inside `tx` with its activity row and message.created
 * event, and moves its conversation's counters. A customer message's author
 * is the conversation's customer (or the thread's participant whose email
 * carried it), and it reopens a closed or pending conversation.
 */
export async function insertMessage(
  tx: WriteTx,
  scope: WriteScope,
  input: MessageInput,
  channel: { replies?: ReplySender; carriedBy?: CarriedBy } = {},
): Promise<CreatedMessage> {
  const existing = await byExternalId(tx, scope.tenantId, input.external_id);
  if (existing) return { row: existing, created: false };
  const conversation = await targetConversation(tx, scope.tenantId, input.conversation_id);
  const authorType = input.author_type ?? "agent";
  const sentAt = input.sent_at === undefined ? scope.now : parseTime(input.sent_at, "/sent_at");
  // A message an email or SMS carried in (the team's own, from its second inbox) already went out.
  const delivery =
    goesOut(conversation, input, authorType) && !channel.carriedBy
      ? await deliver(tx, scope, channel.replies, { conversation, body: input.body })
      : null;
  const { row } = await insertRow(tx, scope, {
    table: messages,
    row: {
      id: newId(),
      conversationId: conversation.id,
      customerId: conversation.customerId,
      authorType,
      authorId:
        authorType === "customer"
          ? (channel.carriedBy?.authorId ?? conversation.customerId)
          : (input.author_id ?? null),
      body: input.body,
      attachments: (input.attachments ?? []).map((a) => ({
        url: a.url,
        name: a.name ?? null,
        mime_type: a.mime_type ?? null,
      })),
      channel: input.channel ?? conversation.channel,
      externalId: input.external_id ?? null,
      sentAt,
      seenAt: null,
      interactionId: delivery?.interactionId ?? channel.carriedBy?.interactionId ?? null,
      deliveryStatus: delivery?.status ?? null,
      deliveryDetail: delivery?.detail ?? null,
    },
    entityType: ENTITY,
    view: messageView,
  });
  const last = conversation.lastMessageAt;
  const counted = await setMessageCounters(tx, scope, conversation, {
    lastMessageAt: last && last > sentAt ? last : sentAt,
    unreadCount: conversation.unreadCount + (authorType === "customer" ? 1 : 0),
  });
  if (authorType === "customer") await reopenForCustomer(tx, scope, counted);
  return { row, created: true };
}

/** A reply with no channel plugin to send it is stored, and says so. */
const deliver = (
  tx: WriteTx,
  scope: WriteScope,
  replies: ReplySender | undefined,
  reply: OutgoingReply,
): Promise<ReplyDelivery> =>
  replies
    ? replies(tx, scope, reply)
    : Promise.resolve({
        interactionId: null,
        status: "not_sent",
        detail: `this server sends no ${reply.conversation.channel} replies`,
      });

/**
 * The email or SMS sent for an agent's reply changed state (sent, failed,
 * delivered, bounced): its message follows, with a message.updated event,
 * so the inbox shows whether the customer got it.
 */
export async function recordReplyDelivery(
  tx: WriteTx,
  scope: WriteScope,
  interactionId: string,
  delivery: { status: NonNullable<MessageView["delivery_status"]>; detail: string | null },
): Promise<void> {
  const rows = await tx
    .select()
    .from(messages)
    .where(
      and(
        eq(messages.tenantId, scope.tenantId),
        eq(messages.interactionId, interactionId),
        eq(messages.authorType, "agent"),
        isNull(messages.deletedAt),
      ),
    );
  for (const row of rows) {
    const columns = { deliveryStatus: delivery.status, deliveryDetail: delivery.detail };
    await updateRow(tx, scope, {
      table: messages,
      row,
      columns,
      entityType: ENTITY,
      view: messageView,
    });
  }
}

/**
 * The conversations of the messages these emails or SMS (interactions)
 * carried, newest message first: the first is where a new one of their
 * thread goes.
 */
export async function conversationOfInteractions(
  tx: WriteTx,
  tenantId: string,
  interactionIds: string[],
): Promise<ConversationRow | null> {
  if (interactionIds.length === 0) return null;
  const [message] = await tx
    .select({ conversationId: messages.conversationId })
    .from(messages)
    .where(
      and(
        eq(messages.tenantId, tenantId),
        inArray(messages.interactionId, interactionIds),
        isNull(messages.deletedAt),
      ),
    )
    .orderBy(...newestSentFirst)
    .limit(1);
  if (!message) return null;
  const [row] = await tx
    .select()
    .from(conversations)
    .where(isLive(conversations, tenantId, message.conversationId));
  return row ?? null;
}

/** The latest email or SMS (interaction id) of a conversation's thread: what a reply answers. */
export async function latestCarrier(
  tx: WriteTx,
  conversation: ConversationRow,
): Promise<string | null> {
  const [row] = await tx
    .select({ interactionId: messages.interactionId })
    .from(messages)
    .where(
      and(
        ofConversation(conversation),
        isNull(messages.deletedAt),
        sql`${messages.interactionId} is not null`,
      ),
    )
    .orderBy(...newestSentFirst)
    .limit(1);
  return row?.interactionId ?? null;
}

/** Counts a conversation's messages again (after a delete or a seen mark). */
async function recount(tx: WriteTx, scope: WriteScope, conversation: ConversationRow) {
  const [totals] = await tx
    .select({
      last: max(messages.sentAt),
      unread: sql<number>`coalesce(sum(${messages.authorType} = 'customer' and ${messages.seenAt} is null), 0)`,
    })
    .from(messages)
    .where(and(ofConversation(conversation), isNull(messages.deletedAt)));
  const last = totals?.last as unknown;
  await setMessageCounters(tx, scope, conversation, {
    lastMessageAt: last === null || last === undefined ? null : new Date(last as number),
    unreadCount: Number(totals?.unread ?? 0),
  });
}

export const getMessage = async (ctx: AppContext, tenantId: string, id: string) =>
  messageView(await findMessage(ctx.db.read, tenantId, id));

export const updateMessage = (
  ctx: AppContext,
  scope: WriteScope,
  id: string,
  input: Static<typeof UpdateMessage>,
) =>
  ctx.write(async (tx) => {
    const row = await findMessage(tx, scope.tenantId, id);
    const columns: Partial<MessageRow> = {};
    if (input.body !== undefined) columns.body = input.body;
    if (input.attachments !== undefined)
      columns.attachments = input.attachments.map((a) => ({
        url: a.url,
        name: a.name ?? null,
        mime_type: a.mime_type ?? null,
      }));
    const update = { table: messages, row, columns, entityType: ENTITY, view: messageView };
    return (await updateRow(tx, scope, update)).view;
  });

/** Soft delete (a tombstone stays in sync feeds); the conversation's counters follow. */
export const deleteMessage = (ctx: AppContext, scope: WriteScope, id: string) =>
  ctx.write(async (tx) => {
    const row = await findMessage(tx, scope.tenantId, id);
    await softDelete(tx, scope, { table: messages, row, entityType: ENTITY, view: messageView });
    await recount(tx, scope, await findConversation(tx, scope.tenantId, row.conversationId));
  });

/** Most messages one seen mark covers; a reader marks the rest with the next one. */
const SEEN_BATCH = 500;

/** Which unseen messages a seen mark covers; by default all of the other side's. */
export interface SeenMark {
  /** Only these messages (the other side's unseen ones among them). */
  messageIds?: string[];
  /**
   * The seen position: the last message the reader was shown. Marks the
   * messages up to it in thread order, (sent_at, id), it included: of two
   * messages sent at the same time the one with the lower id comes first,
   * as the thread shows them.
   */
  upTo?: string;
}

/** Thread order, oldest first: sent_at, ties by id (newestSentFirst read from its end). */
const oldestSentFirst = [asc(messages.sentAt), asc(messages.id)];

/** The seen position's message, a live one of `conversation`, else 422. */
async function seenPosition(tx: WriteTx, conversation: ConversationRow, id: string): Promise<SQL> {
  const [row] = await tx
    .select({ sentAt: messages.sentAt, id: messages.id })
    .from(messages)
    .where(and(ofConversation(conversation), eq(messages.id, id), isNull(messages.deletedAt)));
  if (!row) throw invalid("/up_to", "is not a message of this conversation");
  // (sent_at, id) <= (row.sent_at, row.id), spelt out: both dialects, and the index's columns.
  return or(
    lt(messages.sentAt, row.sentAt),
    and(eq(messages.sentAt, row.sentAt), lte(messages.id, row.id)),
  ) as SQL;
}

/**
 * Marks the other side's unseen messages of a conversation seen by `reader`
 * (an agent sees the customer's, the customer the agents'), in thread order
 * (sent_at, id), at most SEEN_BATCH of them: the oldest first, so what is
 * seen is always the start of the thread. `mark` narrows it to some
 * messages or to those up to a seen position. One message.seen event per
 * message.
 */
export async function markSeen(
  tx: WriteTx,
  scope: WriteScope,
  conversation: ConversationRow,
  reader: Author,
  mark: SeenMark = {},
): Promise<MessageView[]> {
  const upTo =
    mark.upTo === undefined ? undefined : await seenPosition(tx, conversation, mark.upTo);
  const unseen = await tx
    .select()
    .from(messages)
    .where(
      and(
        ofConversation(conversation),
        ne(messages.authorType, reader),
        isNull(messages.seenAt),
        isNull(messages.deletedAt),
        mark.messageIds ? inArray(messages.id, mark.messageIds) : undefined,
        upTo,
      ),
    )
    .orderBy(...oldestSentFirst)
    .limit(SEEN_BATCH);
  const seen: MessageView[] = [];
  for (const row of unseen) {
    const columns = { seenAt: scope.now, updatedAt: scope.now, syncSeq: await nextSyncSeq(tx) };
    await tx.update(messages).set(columns).where(eq(messages.id, row.id));
    const before = messageView(row);
    const after = messageView({ ...row, ...columns });
    await recordEntityChange(tx, scope, { entityType: ENTITY, action: "seen", before, after }, [
      { type: "message.seen", data: after },
    ]);
    seen.push(after);
  }
  if (seen.length) await recount(tx, scope, conversation);
  return seen;
}

export const markConversationSeen = (
  ctx: AppContext,
  scope: WriteScope,
  conversationId: string,
  mark: SeenMark = {},
) =>
  ctx.write(async (tx) => {
    const conversation = await findConversation(tx, scope.tenantId, conversationId);
    return { seen: await markSeen(tx, scope, conversation, "agent", mark) };
  });

export type MessageListParams = Static<typeof MessageListQuery>;

/**
 * Messages newest first by the time they were sent (imported email and SMS
 * keep their own times), ties by id: the agents' list, and the widget's
 * thread read from its end, so both show one order.
 */
export const newestSentFirst = [desc(messages.sentAt), desc(messages.id)];

/** The list's filters, as its query asks (exported for the index test). */
export const messageFilters = (query: MessageListParams) => [
  eqIf(messages.conversationId, query.conversation_id),
  eqIf(messages.customerId, query.customer_id),
  eqIf(messages.authorType, query.author_type),
  eqIf(messages.channel, query.channel),
  query.unseen === undefined
    ? undefined
    : query.unseen
      ? isNull(messages.seenAt)
      : sql`${messages.seenAt} is not null`,
];

export function listMessages(ctx: AppContext, tenantId: string, query: MessageListParams) {
  return listPage({
    db: ctx.db,
    cache: ctx.cache,
    table: messages,
    tenantId,
    query,
    map: messageView,
    order: newestSentFirst,
    filters: messageFilters(query),
  });
}

/** A conversation's latest `limit` messages, oldest first, for the widget (never deleted ones). */
export async function messagesOfConversation(
  db: ReadDb,
  conversation: ConversationRow,
  limit: number,
): Promise<MessageView[]> {
  const rows = await db
    .select()
    .from(messages)
    .where(and(ofConversation(conversation), isNull(messages.deletedAt)))
    .orderBy(...newestSentFirst)
    .limit(limit);
  return rows.reverse().map(messageView);
}
