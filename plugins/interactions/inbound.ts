import { createHash } from "node:crypto";
import type { Address, Email } from "postal-mime";
import {
  type Actor,
  type AppContext,
  invalid,
  newId,
  type WriteScope,
  type WriteTx,
  writeScope,
} from "../../src/core";
import { findContactByEmail, insertContact } from "../contacts";
import type { DocumentFiles, StagedFile } from "../documents";
import { deliveryReport, recordBounce } from "./bounce";
import { emailToInbox, teamEmailToInbox, threadConversation } from "./inbox";
import type { InteractionView } from "./model";
import {
  EMPTY_INTERACTION,
  emailsByMessageIds,
  inheritedLinks,
  insertInteraction,
  interactionView,
} from "./service";
import { teamAddressesOf } from "./team-addresses";

const RECEIVER: Actor = { type: "system", id: null, name: "inbound email" };

/**
 * The longest Message-ID kept, in UTF-8 bytes: a header line's limit (RFC
 * 5322), which also keeps the Message-ID index's entries within
 * PostgreSQL's bound. A longer one is no valid id and names no message.
 */
const MESSAGE_ID_MAX = 998;

/**
 * The message ids of a header, `<id@host>` → `id@host`. Old clients put
 * words around them (`In-Reply-To: Your message of "…" <id@host>`, RFC
 * 5322's obsolete syntax): where there are angle brackets only what they
 * enclose counts; bare ids are split on whitespace. Over-long ids are dropped.
 */
function messageIds(value: string | undefined): string[] {
  const text = value ?? "";
  const bracketed = [...text.matchAll(/<([^<>\s]+)>/g)].map((match) => match[1]);
  const ids =
    bracketed.length > 0 ? bracketed : text.split(/[\s,]+/).map((id) => id.replace(/^<|>$/g, ""));
  return ids.filter((id) => id && Buffer.byteLength(id) <= MESSAGE_ID_MAX);
}

/** The longest email address, in characters (RFC 3696), as the API's email fields take. */
const EMAIL_MAX = 320;

/** Mailboxes of an address list, groups flattened, lower case. */
const addresses = (list: Address[] | undefined): string[] =>
  (list ?? []).flatMap((a) =>
    "group" in a && a.group ? addresses(a.group) : a.address ? [a.address.toLowerCase()] : [],
  );

async function parse(raw: Uint8Array): Promise<Email> {
  try {
    // postal-mime loads with the first inbound email, not at start.
    const { default: PostalMime } = await import("postal-mime");
    return await PostalMime.parse(raw);
  } catch (error) {
    throw invalid("/", `is not an RFC 5322 message: ${(error as Error).message}`);
  }
}

function senderOf(email: Email): string {
  const sender = email.from?.address?.toLowerCase();
  if (!sender) throw invalid("/", "the message has no From address");
  // As the API's email fields: no address is longer, and the contact's is indexed.
  if (sender.length > EMAIL_MAX)
    throw invalid("/", `the From address is longer than ${EMAIL_MAX} characters`);
  return sender;
}

/**
 * The earlier message this one answers: In-Reply-To first, then the
 * References from the newest back, so a reply threads to the message it
 * quotes even when the relay dropped a header. An id names an email by
 * crmd's Message-ID or by the one the sending relay replaced it with.
 */
async function threadParent(tx: WriteTx, tenantId: string, email: Email) {
  const candidates = [...messageIds(email.inReplyTo), ...messageIds(email.references).reverse()];
  const found = await emailsByMessageIds(tx, tenantId, candidates);
  for (const id of candidates) {
    const parent = found.rows.find((row) => found.names(row, id) && row.deletedAt === null);
    if (parent) return parent;
  }
  return null;
}

/**
 * First and last name from a display name: "Ann Lee", or "Lee, Ann" as
 * Outlook and Exchange directories write it.
 */
function personName(display: string): { first: string | null; last: string | null } {
  const comma = display.indexOf(",");
  if (comma > 0) {
    const last = display.slice(0, comma).trim();
    const first = display.slice(comma + 1).trim();
    if (last && first) return { first, last };
  }
  const [first, ...rest] = display.trim().split(/\s+/).filter(Boolean);
  return { first: first ?? null, last: rest.length ? rest.join(" ") : null };
}

/** The sender's contact, created from the From header when no contact has that address. */
async function senderContact(tx: WriteTx, scope: WriteScope, email: Email, sender: string) {
  const known = await findContactByEmail(tx, scope.tenantId, sender);
  if (known) return known;
  const { first, last } = personName(email.from?.name ?? "");
  return insertContact(tx, scope, {
    first_name: first,
    last_name: last,
    email: [{ email: sender }],
  });
}

/**
 * Records a received email: parsed with a MIME parser, its sender matched
 * to a contact (or a new one), threaded to the message it answers by
 * In-Reply-To / References, its attachments stored as documents linked to
 * the contact, and `email.received` emitted, all in one transaction. A
 * message already recorded (same Message-ID: a relay's retry, or a copy of
 * an email crmd sent; without a valid one, the same bytes) is answered with the
 * interaction recorded first. An email from one of the team's own
 * addresses makes no contact: it is linked to its thread's customer and is
 * the team's message in the thread's conversation (see teamEmailToInbox).
 * A delivery status notification (a bounce) is recorded on the email it
 * reports on instead (see recordBounce): the view is that email, or null
 * when it names none of the tenant's.
 */
export async function receiveEmail(
  ctx: AppContext,
  files: DocumentFiles,
  tenantId: string,
  raw: Uint8Array,
): Promise<{ view: InteractionView | null; created: boolean }> {
  const email = await parse(raw);
  // A bounce (or delay report) is about an email crmd sent, not from a person.
  const report = await deliveryReport(email, messageIds);
  if (report) return { view: await recordBounce(ctx, tenantId, report), created: false };
  const sender = senderOf(email);
  // Without a (valid) Message-ID, the message's bytes are its identity: a relay retries with the same ones.
  const messageId =
    messageIds(email.messageId)[0] ??
    `${createHash("sha256").update(raw).digest("hex")}@inbound.crmd`;
  const scope = writeScope(ctx, tenantId, RECEIVER);
  const staged: StagedFile[] = [];
  try {
    for (const attachment of email.attachments)
      staged.push(await files.stage(new Uint8Array(attachment.content as ArrayBuffer)));
    const result = await ctx.write(async (tx) => {
      const [known] = (await emailsByMessageIds(tx, tenantId, [messageId])).rows;
      // A relay's retry, or a copy of an email crmd sent (Bcc to the inbound address; its id the relay's).
      if (known) return { view: interactionView(known), created: false };
      const parent = await threadParent(tx, tenantId, email);
      const threadId = parent ? (parent.threadId ?? parent.id) : null;
      const team = await teamAddressesOf(ctx, tx, tenantId, threadId);
      // The team's own email names no new contact: it is linked to its thread's customer.
      const fromTeam = team.has(sender);
      const conversation = fromTeam ? await threadConversation(tx, tenantId, parent) : null;
      const contact = fromTeam ? null : await senderContact(tx, scope, email, sender);
      const contactId = contact?.id ?? conversation?.customerId ?? parent?.contactId ?? null;
      const documents = [];
      for (const [i, attachment] of email.attachments.entries())
        documents.push(
          await files.insert(tx, scope, staged[i], {
            name: attachment.filename ?? `attachment-${i + 1}`,
            mimeType: attachment.mimeType,
            contactId,
          }),
        );
      const own = { contactId, companyId: contact?.companyId ?? null, dealId: null };
      // The thread's deal and company, unless deleted since.
      const links = parent ? await inheritedLinks(tx, tenantId, own, parent) : own;
      const id = newId();
      const received = {
        ...EMPTY_INTERACTION,
        id,
        type: "email",
        direction: "inbound",
        status: "received",
        ...links,
        fromAddress: sender,
        toAddresses: addresses(email.to),
        ccAddresses: addresses(email.cc),
        replyTo: addresses(email.replyTo)[0] ?? null,
        subject: email.subject ?? null,
        bodyText: email.text ?? null,
        bodyHtml: email.html ?? null,
        messageId,
        inReplyTo: messageIds(email.inReplyTo)[0] ?? null,
        references: messageIds(email.references),
        threadId: threadId ?? id,
        attachments: documents.map((d) => d.id),
        occurredAt: scope.now,
      };
      const view = await insertInteraction(tx, scope, received, (view) => [
        { type: "email.received", data: view },
      ]);
      if (contact) await emailToInbox(tx, scope, { contact, parent, interaction: received, team });
      else if (conversation)
        await teamEmailToInbox(tx, scope, { conversation, interaction: received, team });
      else
        ctx.logger.info("email from a team address answers no conversation: none opened", {
          tenant_id: tenantId,
          interaction_id: id,
          from: sender,
        });
      return { view, created: true };
    });
    if (!result.created) await files.abandon(staged);
    return result;
  } catch (error) {
    await files.abandon(staged);
    throw error;
  }
}
