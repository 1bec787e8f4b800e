import { FormatRegistry } from "@sinclair/typebox";
import { and, eq, inArray, isNull } from "drizzle-orm";
import { type contacts, documents } from "../../db/schema";
import { type AppContext, invalid, newId, type WriteScope, type WriteTx } from "../../src/core";
import { contactsWithEmail, findContactByEmail } from "../contacts";
import { assertConsent, type ConsentRecipient } from "./consent";
import type { InteractionView, SendEmailBody } from "./model";
import { assertWithinSendLimit } from "./send-limit";
import {
  EMPTY_INTERACTION,
  findInteraction,
  type InteractionRow,
  inheritedLinks,
  insertInteraction,
  messageContact,
  recipientContact,
  resolveLinks,
} from "./service";
import { render, type Variables } from "./template";

type ContactRow = typeof contacts.$inferSelect;

/** An email address, as the API's `format: "email"` fields take it. */
export const isAddress = (address: string) => FormatRegistry.Get("email")?.(address) === true;

/** The address of a mailbox as a header writes it: `address`, or `Name <address>` (the name may be quoted). */
export function mailboxAddress(mailbox: string): string {
  const trimmed = mailbox.trim();
  return /^[^<>\r\n]*<([^<>]+)>$/.exec(trimmed)?.[1] ?? trimmed;
}

/** A sender as an email header takes it: `address` or `Name <address>`. */
export const isMailbox = (from: string): boolean => isAddress(mailboxAddress(from));

/** The domain of an address, also in `Name <address>` form. */
const domainOf = (address: string) => /@([^>\s]+)>?\s*$/.exec(address)?.[1] ?? "crmd.local";

const contactVariables = (contact: ContactRow | null | undefined): Variables =>
  contact
    ? {
        "contact.first_name": contact.firstName ?? "",
        "contact.last_name": contact.lastName ?? "",
        "contact.email": contact.primaryEmail ?? "",
        "contact.title": contact.title ?? "",
      }
    : {};

/**
 * Everyone an email reaches, for the consent check: the recipient contact,
 * and every address in To, Cc and Bcc (Bcc reaches a person too) with each
 * contact that has it; each address once.
 */
async function emailRecipients(
  tx: WriteTx,
  tenantId: string,
  contact: ContactRow | null | undefined,
  addresses: string[],
): Promise<ConsentRecipient[]> {
  const recipients: ConsentRecipient[] = contact ? [{ contact, address: addresses[0] }] : [];
  for (const address of new Set(addresses.map((a) => a.trim().toLowerCase()))) {
    const owners = await contactsWithEmail(tx, tenantId, address);
    if (owners.length === 0) recipients.push({ address, contact: null });
    for (const owner of owners) recipients.push({ address, contact: owner });
  }
  return recipients;
}

/** Everyone a queued email reaches now (its next attempt), for the consent check when it is sent. */
export async function queuedEmailRecipients(tx: WriteTx, row: InteractionRow) {
  const everyone = row.pendingRecipients ?? [
    ...row.toAddresses,
    ...row.ccAddresses,
    ...row.bccAddresses,
  ];
  return emailRecipients(tx, row.tenantId, await messageContact(tx, row), everyone);
}

/** Each attachment must be a stored (uploaded) document of the tenant. */
async function assertAttachments(tx: WriteTx, tenantId: string, ids: string[]) {
  if (ids.length === 0) return;
  const found = await tx
    .select({ id: documents.id, sha256: documents.sha256 })
    .from(documents)
    .where(
      and(
        eq(documents.tenantId, tenantId),
        inArray(documents.id, ids),
        isNull(documents.deletedAt),
      ),
    );
  ids.forEach((id, i) => {
    const doc = found.find((d) => d.id === id);
    if (!doc) throw invalid(`/attachments/${i}`, "does not exist");
    if (!doc.sha256) throw invalid(`/attachments/${i}`, "is an external document; upload the file");
  });
}

/**
 * The chain a reply's References continue (RFC 5322 3.6.4): the parent's
 * References, or its In-Reply-To when it had none (many clients send only that).
 */
const referencesOf = (parent: InteractionRow): string[] =>
  parent.references.length > 0 ? parent.references : parent.inReplyTo ? [parent.inReplyTo] : [];

/** The email this one answers: its Message-ID goes into In-Reply-To and References. */
async function parentOf(tx: WriteTx, tenantId: string, id: string | undefined) {
  if (id === undefined) return null;
  const parent = await findInteraction(tx, tenantId, id).catch(() => null);
  if (parent?.type !== "email" || !parent.messageId)
    throw invalid("/in_reply_to", "is not an email of this tenant");
  return parent;
}

/**
 * Queues an email: the interaction row (status `queued`, its Message-ID
 * fixed now) is the queue entry, committed in one transaction with its
 * activity row; the outbound sender sends it. Answered with 202.
 */
export const queueEmail = (
  ctx: AppContext,
  scope: WriteScope,
  input: SendEmailBody,
): Promise<InteractionView> => ctx.write((tx) => queueEmailIn(ctx, tx, scope, input));

/**
 * Queues an email inside `tx`. `verbatim`: subject and text are sent as
 * written (an agent's reply in a conversation), not filled as templates.
 */
export async function queueEmailIn(
  ctx: AppContext,
  tx: WriteTx,
  scope: WriteScope,
  input: SendEmailBody,
  verbatim = false,
): Promise<InteractionView> {
  const from = input.from ?? ctx.config.emailFrom;
  if (!from) throw invalid("/from", "give a sender, or configure CRMD_EMAIL_FROM");
  if (input.from !== undefined && !isMailbox(input.from))
    throw invalid("/from", "is not an email address (address, or Name <address>)");
  if (input.text === undefined && input.html === undefined)
    throw invalid("/text", "give text, html or both");
  if (input.contact_id === undefined && input.to === undefined)
    throw invalid("/to", "give to, contact_id or both");
  // Seed 002 gives `to` as one address; the API also takes a list.
  const addressed = typeof input.to === "string" ? [input.to] : input.to;
  await assertWithinSendLimit(tx, scope, ctx.config.sendMaxPerHour);
  const contact = input.contact_id
    ? await recipientContact(tx, scope.tenantId, input.contact_id)
    : await findContactByEmail(tx, scope.tenantId, addressed?.[0] ?? "");
  const to = addressed ?? (contact?.primaryEmail ? [contact.primaryEmail] : null);
  if (!to) throw invalid("/to", "the contact has no email address; give to");
  const everyone = [...to, ...(input.cc ?? []), ...(input.bcc ?? [])];
  await assertConsent(
    tx,
    scope.tenantId,
    "email",
    await emailRecipients(tx, scope.tenantId, contact, everyone),
  );
  const parent = await parentOf(tx, scope.tenantId, input.in_reply_to);
  await assertAttachments(tx, scope.tenantId, input.attachments ?? []);
  const variables = { ...contactVariables(contact), ...input.variables };
  const fill = (text: string, path: string, mode: "text" | "html") =>
    verbatim ? text : render(text, variables, path, mode);
  const id = newId();
  const given = await resolveLinks(tx, scope.tenantId, { ...input, contact_id: contact?.id });
  // A reply stays with its thread's deal and company, as a received reply does.
  const links = parent ? await inheritedLinks(tx, scope.tenantId, given, parent) : given;
  return insertInteraction(
    tx,
    scope,
    {
      ...EMPTY_INTERACTION,
      id,
      type: "email",
      direction: "outbound",
      status: "queued",
      ...links,
      fromAddress: from,
      toAddresses: to,
      ccAddresses: input.cc ?? [],
      bccAddresses: input.bcc ?? [],
      replyTo: input.reply_to ?? null,
      subject: fill(input.subject, "/subject", "text"),
      bodyText: input.text === undefined ? null : fill(input.text, "/text", "text"),
      bodyHtml: input.html === undefined ? null : fill(input.html, "/html", "html"),
      messageId: `${id}@${domainOf(from)}`,
      inReplyTo: parent?.messageId ?? null,
      references: parent ? [...referencesOf(parent), parent.messageId as string] : [],
      threadId: parent ? (parent.threadId ?? parent.id) : id,
      attachments: input.attachments ?? [],
      nextAttemptAt: scope.now,
      occurredAt: scope.now,
    },
    () => [],
  );
}
