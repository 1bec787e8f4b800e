import { and, desc, eq, inArray, or } from "drizzle-orm";
import { companies, contacts, deals, emailRelayIds, interactions } from "../../db/schema";
import {
  type AppContext,
  assertLinks,
  conflict,
  type EntityEvent,
  findLive,
  insertRow,
  invalid,
  isLiveIn,
  iso,
  lifecycleFields,
  newId,
  parseTime,
  presentFields,
  type ReadDb,
  updateRow,
  versioned,
  type WriteScope,
  type WriteTx,
} from "../../src/core";
import { recordReplyDelivery } from "../conversations";
import type { CreateCallBody, InteractionView, UpdateCallBody } from "./model";

export type InteractionRow = typeof interactions.$inferSelect;

export function interactionView(row: InteractionRow): InteractionView {
  return versioned(row, {
    id: row.id,
    type: row.type as InteractionView["type"],
    direction: row.direction as InteractionView["direction"],
    status: row.status,
    contact_id: row.contactId,
    company_id: row.companyId,
    deal_id: row.dealId,
    from: row.fromAddress,
    to: row.toAddresses,
    cc: row.ccAddresses,
    bcc: row.bccAddresses,
    reply_to: row.replyTo,
    subject: row.subject,
    text: row.bodyText,
    html: row.bodyHtml,
    message_id: row.messageId,
    in_reply_to: row.inReplyTo,
    references: row.references,
    thread_id: row.threadId,
    attachments: row.attachments,
    bounced_recipients: row.bouncedRecipients,
    provider_id: row.providerId,
    provider_response: row.providerResponse,
    attempts: row.attempts,
    occurred_at: row.occurredAt.toISOString(),
    sent_at: iso(row.sentAt),
    ended_at: iso(row.endedAt),
    duration_seconds: row.durationSeconds,
    outcome: row.outcome,
    recording_url: row.recordingUrl,
    ...lifecycleFields(row),
  });
}

/** The columns of a new interaction that most rows leave empty. */
export const EMPTY_INTERACTION = {
  contactId: null,
  companyId: null,
  dealId: null,
  fromAddress: null,
  toAddresses: [],
  ccAddresses: [],
  bccAddresses: [],
  replyTo: null,
  subject: null,
  bodyText: null,
  bodyHtml: null,
  messageId: null,
  inReplyTo: null,
  references: [],
  threadId: null,
  attachments: [],
  providerId: null,
  providerResponse: null,
  attempts: 0,
  pendingRecipients: null,
  bouncedRecipients: [],
  nextAttemptAt: null,
  leaseUntil: null,
  sentAt: null,
  endedAt: null,
  durationSeconds: null,
  outcome: null,
  recordingUrl: null,
} satisfies Partial<InteractionRow>;

export type NewInteraction = Omit<
  InteractionRow,
  "tenantId" | "createdAt" | "updatedAt" | "deletedAt" | "syncSeq"
>;

/** Inserts an interaction with its activity row and the given events. */
export async function insertInteraction(
  tx: WriteTx,
  scope: WriteScope,
  row: NewInteraction,
  events: (view: InteractionView) => EntityEvent[],
): Promise<InteractionView> {
  // The activity log files each under its kind (call, email, sms), as its events.
  const target = { table: interactions, row, entityType: row.type, view: interactionView };
  return (await insertRow(tx, scope, { ...target, events })).view;
}

/** Changes an interaction's columns with its activity row and the given events. */
export async function changeInteraction(
  tx: WriteTx,
  scope: WriteScope,
  row: InteractionRow,
  columns: Partial<InteractionRow>,
  events: (view: InteractionView) => EntityEvent[],
): Promise<InteractionView> {
  const target = { table: interactions, row, columns, entityType: row.type };
  const view = (await updateRow(tx, scope, { ...target, view: interactionView, events })).view;
  // An agent's reply in a conversation shows how its email or SMS went.
  if (row.direction === "outbound" && columns.status !== undefined && columns.status !== row.status)
    await recordReplyDelivery(tx, scope, row.id, {
      status: columns.status as ReplyDeliveryStatus,
      detail: view.provider_response ?? null,
    });
  return view;
}

type ReplyDeliveryStatus = Parameters<typeof recordReplyDelivery>[3]["status"];

/** `id@host` → `id`: Amazon SES names a message by a bare id and writes its Message-ID as that id at its domain. */
function localPart(id: string): string {
  const at = id.lastIndexOf("@");
  return at > 0 ? id.slice(0, at) : id;
}

/** The emails a set of Message-IDs names, and which of them names which. */
export interface NamedEmails {
  rows: InteractionRow[];
  /** Whether the id names the email: crmd's Message-ID, or an id the relay gave one of its parts. */
  names(row: InteractionRow, id: string): boolean;
}

/**
 * The tenant's emails (deleted too) that any of these Message-IDs name:
 * by crmd's Message-ID, or by an id the relay gave an email it rewrote,
 * whole or bare (`id@host` → `id`, as SES writes its own): the one in
 * provider_id, or that of any part of an email the relay took in parts.
 */
export async function emailsByMessageIds(
  tx: WriteTx,
  tenantId: string,
  ids: string[],
): Promise<NamedEmails> {
  if (ids.length === 0) return { rows: [], names: () => false };
  const i = interactions;
  const r = emailRelayIds;
  const relayIds = [...new Set([...ids, ...ids.map(localPart)])];
  const parts = await tx
    .select({ interactionId: r.interactionId, relayId: r.relayId })
    .from(r)
    .where(and(eq(r.tenantId, tenantId), inArray(r.relayId, relayIds)));
  const partOf = [...new Set(parts.map((part) => part.interactionId))];
  const rows = await tx
    .select()
    .from(i)
    .where(
      and(
        eq(i.tenantId, tenantId),
        or(
          inArray(i.messageId, ids),
          and(eq(i.type, "email"), inArray(i.providerId, relayIds)),
          partOf.length > 0 ? and(eq(i.type, "email"), inArray(i.id, partOf)) : undefined,
        ),
      ),
    );
  const relayIdsOf = (row: InteractionRow) =>
    row.type !== "email"
      ? []
      : [
          ...(row.providerId === null ? [] : [row.providerId]),
          ...parts.filter((part) => part.interactionId === row.id).map((part) => part.relayId),
        ];
  return {
    rows,
    names: (row, id) =>
      row.messageId === id ||
      relayIdsOf(row).some((relayId) => relayId === id || relayId === localPart(id)),
  };
}

/**
 * Records an id the relay gave an email (or a part of it) it took; an
 * email the relay took in parts has one per part.
 */
export async function recordRelayId(tx: WriteTx, row: InteractionRow, relayId: string) {
  await tx
    .insert(emailRelayIds)
    .values({ tenantId: row.tenantId, relayId, interactionId: row.id })
    .onConflictDoNothing();
}

/** The ids of a thread's emails (its first one's id is the thread's), newest first, at most 100. */
export async function emailsOfThread(
  tx: WriteTx,
  tenantId: string,
  threadId: string,
): Promise<string[]> {
  const rows = await tx
    .select({ id: interactions.id })
    .from(interactions)
    .where(and(eq(interactions.tenantId, tenantId), eq(interactions.threadId, threadId)))
    .orderBy(desc(interactions.occurredAt))
    .limit(100);
  return rows.map((row) => row.id);
}

export const findInteraction = (db: ReadDb | WriteTx, tenantId: string, id: string) =>
  findLive(db, interactions, tenantId, id, "Interaction");

export const getInteraction = async (ctx: AppContext, tenantId: string, id: string) =>
  interactionView(await findInteraction(ctx.db.read, tenantId, id));

/** The contact a message is sent to: a live contact of the tenant, or 422 at /contact_id. */
export const recipientContact = (tx: WriteTx, tenantId: string, id: string) =>
  findLive(tx, contacts, tenantId, id, "Contact").catch(() => {
    throw invalid("/contact_id", "does not exist");
  });

/**
 * A queued message's contact as sending finds it: deleted since or not,
 * since a person's opt-out outlives their record.
 */
export async function messageContact(tx: WriteTx, row: InteractionRow) {
  if (!row.contactId) return null;
  const [contact] = await tx
    .select()
    .from(contacts)
    .where(and(eq(contacts.tenantId, row.tenantId), eq(contacts.id, row.contactId)));
  return contact ?? null;
}

const LINKS = { contact_id: contacts, company_id: companies, deal_id: deals };

/**
 * The contact, company and deal an interaction links to: each given id must
 * be a live record of the tenant (422 otherwise); the company defaults to
 * the contact's.
 */
export async function resolveLinks(
  tx: WriteTx,
  tenantId: string,
  input: { contact_id?: string | null; company_id?: string | null; deal_id?: string | null },
): Promise<Pick<InteractionRow, "contactId" | "companyId" | "dealId">> {
  await assertLinks(tx, tenantId, input, LINKS);
  let companyId = input.company_id ?? null;
  if (!companyId && input.contact_id) {
    const [contact] = await tx
      .select({ companyId: contacts.companyId })
      .from(contacts)
      .where(eq(contacts.id, input.contact_id));
    companyId = contact?.companyId ?? null;
  }
  return { contactId: input.contact_id ?? null, companyId, dealId: input.deal_id ?? null };
}

/**
 * The links a reply takes from the email it answers, where the request
 * names none: its deal, and its company when the recipient contact has
 * none; each only while that record is live (the thread outlives a deleted deal).
 */
export async function inheritedLinks(
  tx: WriteTx,
  tenantId: string,
  links: Pick<InteractionRow, "contactId" | "companyId" | "dealId">,
  parent: InteractionRow,
): Promise<Pick<InteractionRow, "contactId" | "companyId" | "dealId">> {
  const live = async (table: typeof companies | typeof deals, id: string | null) =>
    id !== null && (await isLiveIn(tx, table, tenantId, id)) ? id : null;
  return {
    contactId: links.contactId,
    companyId: links.companyId ?? (await live(companies, parent.companyId)),
    dealId: links.dealId ?? (await live(deals, parent.dealId)),
  };
}

/** A call's end, duration and status from what the request gives (422 when they disagree). */
function callTiming(startedAt: Date, input: UpdateCallBody, before?: InteractionRow) {
  const endedAt = input.ended_at
    ? parseTime(input.ended_at, "/ended_at")
    : (before?.endedAt ?? null);
  if (endedAt && endedAt < startedAt) throw invalid("/ended_at", "is before the call started");
  const measured = endedAt ? Math.round((endedAt.getTime() - startedAt.getTime()) / 1000) : null;
  // A new end re-measures the duration; without one the duration stays as it was.
  const kept = input.ended_at ? null : (before?.durationSeconds ?? null);
  return {
    endedAt,
    durationSeconds: input.duration_seconds ?? kept ?? measured,
    status: endedAt ? "completed" : "in_progress",
  };
}

/** call.started always; call.ended as soon as the call has an end. */
const callEvents =
  (started: boolean) =>
  (view: InteractionView): EntityEvent[] => [
    ...(started ? [{ type: "call.started", data: view }] : []),
    ...(view.ended_at ? [{ type: "call.ended", data: view }] : []),
  ];

export async function logCall(
  ctx: AppContext,
  scope: WriteScope,
  input: CreateCallBody,
): Promise<InteractionView> {
  return ctx.write(async (tx) => {
    const startedAt = input.started_at ? parseTime(input.started_at, "/started_at") : scope.now;
    const timing = callTiming(startedAt, input);
    const row: NewInteraction = {
      ...EMPTY_INTERACTION,
      id: newId(),
      type: "call",
      direction: input.direction,
      ...(await resolveLinks(tx, scope.tenantId, input)),
      fromAddress: input.from,
      toAddresses: [input.to],
      bodyText: input.notes ?? null,
      occurredAt: startedAt,
      ...timing,
      outcome: input.outcome ?? null,
      recordingUrl: input.recording_url ?? null,
    };
    return insertInteraction(tx, scope, row, callEvents(true));
  });
}

/** Ends a call or corrects it; call.ended is emitted once, when the call first gets its end. */
export async function updateCall(
  ctx: AppContext,
  scope: WriteScope,
  id: string,
  input: UpdateCallBody,
): Promise<InteractionView> {
  return ctx.write(async (tx) => {
    const before = await findInteraction(tx, scope.tenantId, id);
    if (before.type !== "call") throw conflict("Only a call can be changed here");
    const timing = callTiming(before.occurredAt, input, before);
    const columns = presentFields({
      ...timing,
      outcome: input.outcome,
      recordingUrl: input.recording_url,
      bodyText: input.notes,
    });
    const ends = !before.endedAt && timing.endedAt !== null;
    return changeInteraction(tx, scope, before, columns, (view) =>
      ends ? [{ type: "call.ended", data: view }] : [],
    );
  });
}
