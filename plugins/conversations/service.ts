import { FormatRegistry } from "@sinclair/typebox";
import { and, asc, desc, eq, inArray, isNotNull, isNull, ne, or, type SQL, sql } from "drizzle-orm";
import type { Static } from "elysia";
import { type ConversationParticipant, contacts, conversations, messages } from "../../db/schema";
import {
  type AppContext,
  assertLinked,
  cleanTags,
  eqIf,
  filterBy,
  findLive,
  insertRow,
  invalid,
  iso,
  lifecycleFields,
  listPage,
  newId,
  nextSyncSeq,
  notFound,
  parseTags,
  phoneParser,
  type ReadDb,
  recordEntityChange,
  reserveSyncSeqs,
  updateRow,
  versioned,
  type WriteScope,
  type WriteTx,
} from "../../src/core";
import type {
  Conversation,
  ConversationListQuery,
  CreateConversation,
  UpdateConversation,
} from "./model";

export type ConversationRow = typeof conversations.$inferSelect;
export type ConversationView = Static<typeof Conversation>;
type Columns = Partial<ConversationRow>;

export const conversationView = (row: ConversationRow): ConversationView =>
  versioned(row, {
    id: row.id,
    customer_id: row.customerId,
    status: row.status as ConversationView["status"],
    assignee: row.assignee,
    priority: row.priority as ConversationView["priority"],
    channel: row.channel as ConversationView["channel"],
    subject: row.subject,
    tags: row.tags,
    shared_with: row.sharedWith,
    archived: row.archivedAt !== null,
    archived_at: iso(row.archivedAt),
    last_message_at: iso(row.lastMessageAt),
    unread_count: row.unreadCount,
    visitor_identity: row.visitorIdentity as ConversationView["visitor_identity"],
    customer_address: row.customerAddress,
    participants: onThread(row.participants).map(({ email, contact_id }) => ({
      email,
      contact_id,
    })),
    ...lifecycleFields(row),
  });

/** The participants still on the thread (not removed by an agent). */
const onThread = (participants: ConversationParticipant[]) =>
  participants.filter((p) => p.removed_at === undefined);

/** Whether `address` (lower case) is on the conversation's thread: a participant no agent removed. */
export const isParticipant = (row: ConversationRow, address: string): boolean =>
  onThread(row.participants).some((p) => p.email === address);

/** The addresses an agent's reply Cc's: the participants still on the thread. */
export const participantAddresses = (row: ConversationRow): string[] =>
  onThread(row.participants).map((p) => p.email);

const ENTITY = "conversation";

/**
 * The customer's open conversation on a channel with one address or
 * number (not closed, not archived), the newest if several: where a new
 * SMS from that number goes.
 */
export async function openChannelConversation(
  tx: WriteTx,
  tenantId: string,
  customerId: string,
  channel: string,
  address: string,
): Promise<ConversationRow | null> {
  const [row] = await tx
    .select()
    .from(conversations)
    .where(
      and(
        eq(conversations.tenantId, tenantId),
        eq(conversations.customerId, customerId),
        eq(conversations.channel, channel),
        eq(conversations.customerAddress, address),
        ne(conversations.status, "closed"),
        isNull(conversations.archivedAt),
        isNull(conversations.deletedAt),
      ),
    )
    .orderBy(desc(conversations.createdAt), desc(conversations.id))
    .limit(1);
  return row ?? null;
}

/** Teammate names are stored trimmed (assignee, shared_with), so a filter by name finds them. */
const teammateName = (name: string | null | undefined): string | null => name?.trim() ?? null;

/** A live conversation of the tenant, or 404. */
export const findConversation = (
  db: ReadDb | WriteTx,
  tenantId: string,
  id: string,
): Promise<ConversationRow> => findLive(db, conversations, tenantId, id, "Conversation");

/** How a widget visitor that opens a conversation was identified (null: the team opened it). */
export type VisitorIdentity = "verified" | "unverified";

/** The widget visitor that opens a conversation: how it was identified, and which visitor (browser session) it is. */
export interface OpeningVisitor {
  identity: VisitorIdentity;
  visitorId: string | null;
}

export async function insertConversation(
  tx: WriteTx,
  scope: WriteScope,
  input: Static<typeof CreateConversation>,
  visitor: OpeningVisitor | null = null,
  customerAddress: string | null = null,
  participants: ConversationParticipant[] = [],
): Promise<ConversationRow> {
  await assertLinked(tx, contacts, scope.tenantId, input.customer_id, "/customer_id");
  const { row } = await insertRow(tx, scope, {
    table: conversations,
    row: {
      id: newId(),
      customerId: input.customer_id,
      status: input.status ?? "open",
      assignee: teammateName(input.assignee),
      priority: input.priority ?? "medium",
      channel: input.channel ?? "chat",
      subject: input.subject ?? null,
      tags: cleanTags(input.tags ?? []),
      sharedWith: [],
      archivedAt: null,
      lastMessageAt: null,
      unreadCount: 0,
      visitorIdentity: visitor?.identity ?? null,
      visitorId: visitor?.visitorId ?? null,
      customerAddress: customerAddress ?? null,
      participants,
    },
    entityType: ENTITY,
    view: conversationView,
  });
  return row;
}

/**
 * The participants an agent keeps: those given stay on the thread (a removed
 * one given again comes back), the others are removed and stay so. Only
 * people of the thread can be given: 422 for another address.
 */
function keptParticipants(
  row: ConversationRow,
  given: { email: string }[],
  now: Date,
): ConversationParticipant[] {
  const kept = given.map((p, i) => {
    const email = p.email.trim().toLowerCase();
    if (!row.participants.some((p) => p.email === email))
      throw invalid(`/participants/${i}/email`, "is not on this conversation's thread");
    return email;
  });
  return row.participants.map(({ removed_at, ...person }) =>
    kept.includes(person.email)
      ? person
      : { ...person, removed_at: removed_at ?? now.toISOString() },
  );
}

function columnsFrom(
  row: ConversationRow,
  input: Static<typeof UpdateConversation>,
  now: Date,
): Columns {
  const columns: Columns = {};
  if (input.participants !== undefined)
    columns.participants = keptParticipants(row, input.participants, now);
  if (input.status !== undefined) columns.status = input.status;
  if (input.assignee !== undefined) columns.assignee = teammateName(input.assignee);
  if (input.priority !== undefined) columns.priority = input.priority;
  if (input.subject !== undefined) columns.subject = input.subject;
  if (input.tags !== undefined) columns.tags = cleanTags(input.tags);
  return columns;
}

const applyUpdate = (tx: WriteTx, scope: WriteScope, row: ConversationRow, columns: Columns) =>
  updateRow(tx, scope, {
    table: conversations,
    row,
    columns,
    entityType: ENTITY,
    view: conversationView,
  });

/**
 * The address an email or SMS conversation the team opens is with: an
 * email address (lower case) or a number (E.164); 422 otherwise, and for
 * other channels.
 */
async function givenCustomerAddress(
  input: Static<typeof CreateConversation>,
): Promise<string | null> {
  const given = input.customer_address?.trim();
  if (given === undefined) return null;
  const channel = input.channel ?? "chat";
  if (channel === "email" && FormatRegistry.Get("email")?.(given)) return given.toLowerCase();
  if (channel === "email") throw invalid("/customer_address", "must be an email address");
  if (channel !== "sms")
    throw invalid("/customer_address", "is for email and sms conversations only");
  const number = (await phoneParser())(given);
  if (!number)
    throw invalid("/customer_address", "is not a valid phone number in international format");
  return number;
}

export const createConversation = async (
  ctx: AppContext,
  scope: WriteScope,
  input: Static<typeof CreateConversation>,
) => {
  const address = await givenCustomerAddress(input);
  return ctx.write(async (tx) =>
    conversationView(await insertConversation(tx, scope, input, null, address)),
  );
};

export const getConversation = async (ctx: AppContext, tenantId: string, id: string) =>
  conversationView(await findConversation(ctx.db.read, tenantId, id));

export const updateConversation = (
  ctx: AppContext,
  scope: WriteScope,
  id: string,
  input: Static<typeof UpdateConversation>,
) =>
  ctx.write(async (tx) => {
    const row = await findConversation(tx, scope.tenantId, id);
    return (await applyUpdate(tx, scope, row, columnsFrom(row, input, scope.now))).view;
  });

/**
 * A customer who writes again wants an answer: an archived conversation
 * comes back to the inbox (archived_at cleared, conversation.unarchived)
 * and a closed or pending one becomes open (conversation.updated), so the
 * inbox that lists open, not archived conversations shows it again.
 */
export async function reopenForCustomer(
  tx: WriteTx,
  scope: WriteScope,
  row: ConversationRow,
): Promise<ConversationRow> {
  const unarchived = await setArchived(tx, scope, row, false);
  if (unarchived.status === "open") return unarchived;
  return (await applyUpdate(tx, scope, unarchived, { status: "open" })).row;
}

/** Someone an email of the thread named: their address (lower case) and contact, if known. */
export interface ThreadPerson {
  email: string;
  contactId: string | null;
}

/**
 * The people of a received email join the conversation's participants, in
 * the order given: a new address is added, a known one gets its contact when
 * it had none; the customer's own address and those an agent removed are
 * left as they are. conversation.updated when the participants change.
 */
export async function addParticipants(
  tx: WriteTx,
  scope: WriteScope,
  row: ConversationRow,
  people: ThreadPerson[],
): Promise<ConversationRow> {
  if (row.channel !== "email") return row;
  const participants = row.participants.map((p) => ({ ...p }));
  for (const { email, contactId } of people) {
    if (email === row.customerAddress || contactId === row.customerId) continue;
    const known = participants.find((p) => p.email === email);
    if (!known) participants.push({ email, contact_id: contactId });
    else if (known.contact_id === null) known.contact_id = contactId;
  }
  const updated = (await applyUpdate(tx, scope, row, { participants })).row;
  if (updated !== row || JSON.stringify(participants) === JSON.stringify(row.participants))
    return updated;
  // Only a removed participant's contact changed: kept for when an agent brings them back, no event.
  await tx.update(conversations).set({ participants }).where(eq(conversations.id, row.id));
  return { ...row, participants };
}

/** Adds a teammate to `shared_with` (once); conversation.updated when it is new. */
export const shareConversation = (
  ctx: AppContext,
  scope: WriteScope,
  id: string,
  teammate: string,
) =>
  ctx.write(async (tx) => {
    const row = await findConversation(tx, scope.tenantId, id);
    const sharedWith = [...new Set([...row.sharedWith, teammate.trim()])];
    return (await applyUpdate(tx, scope, row, { sharedWith })).view;
  });

/** Sets or clears archived_at with its own event (conversation.archived / .unarchived). */
async function setArchived(
  tx: WriteTx,
  scope: WriteScope,
  row: ConversationRow,
  archived: boolean,
): Promise<ConversationRow> {
  if ((row.archivedAt !== null) === archived) return row;
  const before = conversationView(row);
  const columns = {
    archivedAt: archived ? scope.now : null,
    updatedAt: scope.now,
    syncSeq: await nextSyncSeq(tx),
  };
  await tx.update(conversations).set(columns).where(eq(conversations.id, row.id));
  const next = { ...row, ...columns };
  const after = conversationView(next);
  const action = archived ? "archived" : "unarchived";
  await recordEntityChange(tx, scope, { entityType: ENTITY, action, before, after }, [
    { type: `conversation.${action}`, data: after },
  ]);
  return next;
}

/**
 * Archives a conversation once: archived_at set, conversation.archived
 * emitted. Archiving an archived conversation changes nothing.
 */
export const archiveConversation = (ctx: AppContext, scope: WriteScope, id: string) =>
  ctx.write(async (tx) =>
    conversationView(
      await setArchived(tx, scope, await findConversation(tx, scope.tenantId, id), true),
    ),
  );

/**
 * Brings an archived conversation back to the inbox: archived_at cleared,
 * conversation.unarchived emitted. A conversation not archived changes nothing.
 */
export const unarchiveConversation = (ctx: AppContext, scope: WriteScope, id: string) =>
  ctx.write(async (tx) =>
    conversationView(
      await setArchived(tx, scope, await findConversation(tx, scope.tenantId, id), false),
    ),
  );

/**
 * Writes the counters a conversation keeps of its messages (last message
 * time, unseen customer messages). Derived from the message write that
 * carries its own event, so no conversation event of its own; the row still
 * moves in the sync feed.
 */
export async function setMessageCounters(
  tx: WriteTx,
  scope: WriteScope,
  row: ConversationRow,
  counters: { lastMessageAt: Date | null; unreadCount: number },
): Promise<ConversationRow> {
  if (
    row.unreadCount === counters.unreadCount &&
    row.lastMessageAt?.getTime() === counters.lastMessageAt?.getTime()
  )
    return row;
  const columns = { ...counters, updatedAt: scope.now, syncSeq: await nextSyncSeq(tx) };
  await tx.update(conversations).set(columns).where(eq(conversations.id, row.id));
  return { ...row, ...columns };
}

export type ConversationListParams = Static<typeof ConversationListQuery>;

const archivedFilter = (archived: boolean | undefined): SQL | undefined =>
  archived === undefined
    ? undefined
    : archived
      ? isNotNull(conversations.archivedAt)
      : isNull(conversations.archivedAt);

const unreadFilter = (unread: boolean | undefined) =>
  unread === undefined ? undefined : filterBy(conversations.unreadCount, unread ? "gt" : "eq", 0);

const unassignedFilter = (unassigned: boolean | undefined): SQL | undefined =>
  unassigned === undefined
    ? undefined
    : unassigned
      ? isNull(conversations.assignee)
      : isNotNull(conversations.assignee);

/**
 * A conversation's latest activity: its last message's time, or its opening
 * while it has none (never null, so both dialects order it alike), as
 * conversations_tenant_activity_idx holds it.
 */
const lastActivity = sql`coalesce(${conversations.lastMessageAt}, ${conversations.createdAt})`;

/** The order each `sort` asks for; the default (`-created_at`) is the lists' own. */
export const CONVERSATION_ORDERS: Record<
  NonNullable<ConversationListParams["sort"]>,
  SQL[] | undefined
> = {
  "-created_at": undefined,
  created_at: [asc(conversations.createdAt), asc(conversations.id)],
  "-last_message_at": [desc(lastActivity), desc(conversations.id)],
  last_message_at: [asc(lastActivity), asc(conversations.id)],
};

export function listConversations(
  ctx: AppContext,
  tenantId: string,
  query: ConversationListParams,
) {
  return listPage({
    db: ctx.db,
    cache: ctx.cache,
    table: conversations,
    tenantId,
    query,
    map: conversationView,
    order: CONVERSATION_ORDERS[query.sort ?? "-created_at"],
    filters: [
      eqIf(conversations.status, query.status),
      eqIf(conversations.assignee, query.assignee?.trim()),
      eqIf(conversations.customerId, query.customer_id),
      eqIf(conversations.channel, query.channel),
      eqIf(conversations.priority, query.priority),
      ctx.db.dialect.hasAllTags(conversations.tags, parseTags(query.tags)),
      unreadFilter(query.unread),
      archivedFilter(query.archived),
      unassignedFilter(query.unassigned),
    ],
  });
}

/** What a widget visitor's token says about it (plugins/widget's VisitorClaims). */
export interface ConversationVisitor {
  tenantId: string;
  customerId: string;
  verified: boolean;
  /** The conversation its token names, if any. */
  conversationId: string | null;
  /** The visitor (browser session) its tokens name; null on tokens made before crmd kept it. */
  visitorId: string | null;
}

/**
 * Whether a verified visitor reads a conversation of its customer: not one
 * an unverified visitor opened. A page can claim any email, so what a claim
 * opened never reaches the proven customer's widget (the team still sees
 * it, with `visitor_identity: "unverified"`).
 */
const inherited = or(
  isNull(conversations.visitorIdentity),
  ne(conversations.visitorIdentity, "unverified"),
) as SQL;

/**
 * Whether a widget visitor reads and writes `row`: the one its token names
 * (while it is still on the token's customer); those the same visitor
 * (browser session) opened unverified, whichever email it claimed then;
 * for a verified visitor also its customer's others, but never one an
 * unverified visitor opened.
 */
export function visitorReads(visitor: ConversationVisitor, row: ConversationRow): boolean {
  if (row.tenantId !== visitor.tenantId || row.deletedAt !== null) return false;
  if (row.id === visitor.conversationId && row.customerId === visitor.customerId) return true;
  if (row.visitorIdentity === "unverified")
    return visitor.visitorId !== null && row.visitorId === visitor.visitorId;
  return visitor.verified && row.customerId === visitor.customerId;
}

/** The conversation `id` a widget visitor may read and write (visitorReads), else 404 (as a missing one: nothing leaks). */
export async function conversationOfVisitor(
  db: ReadDb | WriteTx,
  visitor: ConversationVisitor,
  id: string,
): Promise<ConversationRow> {
  const row = await findConversation(db, visitor.tenantId, id);
  if (!visitorReads(visitor, row)) throw notFound("Conversation");
  return row;
}

/**
 * The conversations a widget visitor lists, newest first (at most
 * `limit`): those visitorReads lets it read. Two indexed reads (by
 * customer, by visitor), merged.
 */
export async function conversationsOfVisitor(
  db: ReadDb,
  visitor: ConversationVisitor,
  limit: number,
): Promise<ConversationRow[]> {
  const c = conversations;
  const live = and(eq(c.tenantId, visitor.tenantId), isNull(c.deletedAt));
  const named = visitor.conversationId === null ? undefined : eq(c.id, visitor.conversationId);
  const ofCustomer = visitor.verified ? (named ? or(inherited, named) : inherited) : named;
  const reads = [
    ofCustomer &&
      db
        .select()
        .from(c)
        .where(and(live, eq(c.customerId, visitor.customerId), ofCustomer))
        .orderBy(desc(c.createdAt), desc(c.id))
        .limit(limit),
    visitor.visitorId !== null &&
      db
        .select()
        .from(c)
        .where(and(live, eq(c.visitorId, visitor.visitorId), eq(c.visitorIdentity, "unverified")))
        .orderBy(desc(c.createdAt), desc(c.id))
        .limit(limit),
  ].filter((read) => read !== undefined && read !== false);
  const byId = new Map<string, ConversationRow>();
  for (const rows of await Promise.all(reads)) for (const row of rows) byId.set(row.id, row);
  return [...byId.values()]
    .filter((row) => visitorReads(visitor, row))
    .sort(
      (a, b) =>
        b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0),
    )
    .slice(0, limit);
}

/**
 * How many conversations a proof of identity moves per statement. A proof
 * moves all of them, batch after batch in its one transaction: a browser
 * session can open any number over its tokens' lifetimes.
 */
export const ADOPTION_BATCH = 500;

/** A widget visitor that has not proven its identity, as its token names it. */
export interface UnverifiedVisitor {
  /** The browser session; null on tokens made before crmd kept it. */
  visitorId: string | null;
  customerId: string;
  conversationId: string | null;
}

/**
 * A visitor that proves its identity (user_hash) while holding its
 * unverified token takes over the conversations that very visitor opened
 * unverified: those of its visitor id (a token made before visitor ids
 * were kept: the one conversation it names). Each moves to the proven
 * customer with `visitor_identity: "verified"`, its messages with it, and
 * emits conversation.identity_verified. Conversations other visitors opened
 * claiming the identity are not touched: only the token's holder names its
 * visitor, and the token is signed.
 */
export async function adoptVisitorConversations(
  tx: WriteTx,
  scope: WriteScope,
  visitor: UnverifiedVisitor,
  customerId: string,
): Promise<ConversationRow[]> {
  const c = conversations;
  const opened =
    visitor.visitorId !== null
      ? eq(c.visitorId, visitor.visitorId)
      : visitor.conversationId !== null
        ? and(
            eq(c.id, visitor.conversationId),
            eq(c.customerId, visitor.customerId),
            isNull(c.visitorId),
          )
        : undefined;
  if (!opened) return [];
  const adopted: ConversationRow[] = [];
  // Each batch leaves `unverified`, so the next read finds the ones still left.
  for (;;) {
    const rows = await tx
      .select()
      .from(c)
      .where(
        and(
          eq(c.tenantId, scope.tenantId),
          isNull(c.deletedAt),
          eq(c.visitorIdentity, "unverified"),
          opened,
        ),
      )
      .orderBy(asc(c.createdAt), asc(c.id))
      .limit(ADOPTION_BATCH);
    if (rows.length === 0) return adopted;
    adopted.push(...(await adoptBatch(tx, scope, rows, customerId)));
  }
}

/**
 * Moves one batch of conversations to the proven customer, each with its own
 * sync number (in the batch's order), their messages with them, and one
 * activity row and conversation.identity_verified each.
 */
async function adoptBatch(
  tx: WriteTx,
  scope: WriteScope,
  rows: ConversationRow[],
  customerId: string,
): Promise<ConversationRow[]> {
  const c = conversations;
  const ids = rows.map((row) => row.id);
  const first = await reserveSyncSeqs(tx, rows.length);
  const columns = { customerId, visitorIdentity: "verified", updatedAt: scope.now };
  const ranked = tx
    .select({
      id: c.id,
      rank: sql<number>`row_number() over (order by ${c.createdAt}, ${c.id})`.as("rank"),
    })
    .from(c)
    .where(inArray(c.id, ids))
    .as("ranked");
  await tx
    .update(c)
    .set({ ...columns, syncSeq: sql`${first - 1} + ${ranked.rank}` })
    .from(ranked)
    .where(eq(c.id, ranked.id));
  await moveMessages(tx, scope, ids, customerId);
  const adopted = rows.map((row, index) => ({ ...row, ...columns, syncSeq: first + index }));
  for (const [index, row] of rows.entries()) {
    const after = adopted[index];
    await recordEntityChange(
      tx,
      scope,
      {
        entityType: ENTITY,
        action: "identity_verified",
        before: conversationView(row),
        after: conversationView(after),
      },
      [
        {
          type: "conversation.identity_verified",
          data: conversationView(after),
          metadata: { previous_customer_id: row.customerId },
        },
      ],
    );
  }
  return adopted;
}

/**
 * The messages of these conversations follow them to their new customer (and
 * move in the sync feed); the customer's own messages change author too (a
 * message's customer is its conversation's, so the customer wrote those whose
 * author is their customer).
 */
async function moveMessages(
  tx: WriteTx,
  scope: WriteScope,
  conversationIds: string[],
  customerId: string,
) {
  const m = messages;
  const inBatch = and(eq(m.tenantId, scope.tenantId), inArray(m.conversationId, conversationIds));
  const [{ count }] = await tx.select({ count: sql<number>`count(*)` }).from(m).where(inBatch);
  if (Number(count) === 0) return;
  const first = await reserveSyncSeqs(tx, Number(count));
  const ranked = tx
    .select({
      id: m.id,
      rank: sql<number>`row_number() over (order by ${m.syncSeq}, ${m.id})`.as("rank"),
    })
    .from(m)
    .where(inBatch)
    .as("ranked");
  await tx
    .update(m)
    .set({
      customerId,
      authorId: sql`case when ${m.authorType} = 'customer' and ${m.authorId} = ${m.customerId} then ${customerId} else ${m.authorId} end`,
      updatedAt: scope.now,
      syncSeq: sql`${first - 1} + ${ranked.rank}`,
    })
    .from(ranked)
    .where(eq(m.id, ranked.id));
}
