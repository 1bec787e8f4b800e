import { and, eq } from "drizzle-orm";
import type { Attachment, Email } from "postal-mime";
import { interactions } from "../../db/schema";
import { type Actor, type AppContext, type WriteTx, writeScope } from "../../src/core";
import { suppressBouncedAddress } from "./consent";
import type { InteractionView } from "./model";
import {
  changeInteraction,
  emailsByMessageIds,
  type InteractionRow,
  interactionView,
} from "./service";

const BOUNCES: Actor = { type: "system", id: null, name: "bounce report" };

/** The parts of a delivery status notification (RFC 3464, and RFC 6533's for SMTPUTF8 mail). */
const STATUS_PARTS = new Set(["message/delivery-status", "message/global-delivery-status"]);
/** The bounced message as the report returns it: whole, or its header alone. */
const RETURNED_PARTS = new Set([
  "message/rfc822",
  "text/rfc822-headers",
  "message/global",
  "message/global-headers",
]);

/** One recipient's block of a delivery status notification. */
export interface RecipientStatus {
  /** Final-Recipient, lower case */
  address: string;
  /** Original-Recipient (what the sender wrote, before forwarding or aliasing), lower case */
  original: string | null;
  /** failed | delayed | delivered | relayed | expanded */
  action: string;
  /** The enhanced status code, e.g. 5.1.1 */
  status: string | null;
  /** The remote server's answer, e.g. `smtp; 550 5.1.1 User unknown` */
  diagnostic: string | null;
}

/** What a bounce says: which message it is about (by any id it names) and what happened to whom. */
export interface DeliveryReport {
  /** Message-IDs that may name the bounced email (the returned header's first). */
  messageIds: string[];
  /** crmd's X-Crmd-Interaction-Id, when the returned header carries it. */
  interactionId: string | null;
  recipients: RecipientStatus[];
}

const textOf = (part: Attachment) =>
  typeof part.content === "string"
    ? part.content
    : new TextDecoder().decode(part.content as ArrayBuffer | Uint8Array);

/** `rfc822; Ann@Example.com` → `ann@example.com` (the address type is dropped, as are angle brackets). */
function typedAddress(value: string | undefined): string | null {
  if (!value) return null;
  const address = value
    .slice(value.indexOf(";") + 1)
    .trim()
    .replace(/^<|>$/g, "")
    .toLowerCase();
  return address || null;
}

/**
 * The field groups of a delivery-status part: the per-message fields, then
 * one group per recipient, separated by blank lines. Each group is a header
 * block, read with postal-mime's header parser (folded lines, comments and
 * case as in a message's header).
 */
async function fieldGroups(body: string): Promise<Map<string, string>[]> {
  const { default: PostalMime } = await import("postal-mime");
  const groups = body.split(/\r?\n[ \t]*\r?\n/).filter((group) => group.trim() !== "");
  return Promise.all(
    groups.map(async (group) => {
      const { headers } = await PostalMime.parse(`${group.trim()}\r\n\r\n`);
      return new Map(headers.map((header) => [header.key, header.value.trim()]));
    }),
  );
}

/**
 * The delivery status notification a parsed message is (a bounce, or a
 * delay or delivery report: multipart/report with a delivery-status part),
 * or null for any other message. The bounced message is found by what the
 * report returns of it (its header's Message-ID and crmd's interaction id),
 * the report's own In-Reply-To / References, and an Original-Message-ID
 * field where a server adds one.
 */
export async function deliveryReport(
  email: Email,
  messageIds: (value: string | undefined) => string[],
): Promise<DeliveryReport | null> {
  const statusPart = email.attachments.find((part) => STATUS_PARTS.has(part.mimeType));
  if (!statusPart) return null;
  const [perMessage = new Map<string, string>(), ...perRecipient] = await fieldGroups(
    textOf(statusPart),
  );
  const ids: string[] = [];
  let interactionId: string | null = null;
  const { default: PostalMime } = await import("postal-mime");
  for (const part of email.attachments.filter((p) => RETURNED_PARTS.has(p.mimeType))) {
    const returned = await PostalMime.parse(textOf(part));
    ids.push(...messageIds(returned.messageId));
    interactionId ??=
      returned.headers.find((h) => h.key === "x-crmd-interaction-id")?.value.trim() ?? null;
  }
  const header = (key: string) => email.headers.find((h) => h.key === key)?.value;
  ids.push(
    ...messageIds(perMessage.get("original-message-id")),
    ...messageIds(header("original-message-id")),
    ...messageIds(email.inReplyTo),
    ...messageIds(email.references).reverse(),
  );
  const recipients = perRecipient.flatMap((fields): RecipientStatus[] => {
    const address = typedAddress(fields.get("final-recipient"));
    const action = fields.get("action")?.toLowerCase();
    if (!address || !action) return [];
    return [
      {
        address,
        original: typedAddress(fields.get("original-recipient")),
        action,
        status: fields.get("status") ?? null,
        diagnostic: fields.get("diagnostic-code") ?? null,
      },
    ];
  });
  return { messageIds: [...new Set(ids)], interactionId, recipients };
}

/**
 * The tenant's outbound email a report is about: named by crmd's
 * interaction id, else by a Message-ID (crmd's, or the one the relay
 * replaced it with).
 */
async function bouncedEmail(tx: WriteTx, tenantId: string, report: DeliveryReport) {
  const outbound = (row: InteractionRow) =>
    row.type === "email" && row.direction === "outbound" && row.deletedAt === null;
  if (report.interactionId) {
    const [named] = await tx
      .select()
      .from(interactions)
      .where(and(eq(interactions.tenantId, tenantId), eq(interactions.id, report.interactionId)));
    if (named && outbound(named)) return named;
  }
  const found = await emailsByMessageIds(tx, tenantId, report.messageIds);
  for (const id of report.messageIds) {
    const email = found.rows.find((row) => outbound(row) && found.names(row, id));
    if (email) return email;
  }
  return null;
}

const recipientsOf = (row: InteractionRow) =>
  new Set(
    [...row.toAddresses, ...row.ccAddresses, ...row.bccAddresses].map((a) => a.toLowerCase()),
  );

/**
 * Records a bounce of an email crmd sent: each recipient the report gives
 * as failed (and the email went to) joins the email's `bounced_recipients`
 * and the tenant's suppression list, so nothing more is sent to them; the
 * email becomes `bounced` once every recipient has; `email.bounced` is
 * emitted for recipients new to the list. Delay and delivery reports change
 * nothing. No contact and no inbound email is recorded for a report.
 * Returns the email, or null when the report names none of the tenant's.
 * A report naming recipients the email did not go to is ignored for them:
 * a forged or misdirected bounce cannot suppress other addresses.
 */
export async function recordBounce(
  ctx: AppContext,
  tenantId: string,
  report: DeliveryReport,
): Promise<InteractionView | null> {
  const scope = writeScope(ctx, tenantId, BOUNCES);
  return ctx.write(async (tx) => {
    const email = await bouncedEmail(tx, tenantId, report);
    if (!email) return null;
    const sentTo = recipientsOf(email);
    const failed = new Map<string, RecipientStatus>();
    for (const recipient of report.recipients) {
      if (recipient.action !== "failed") continue;
      const address = [recipient.original, recipient.address].find((a) => a && sentTo.has(a));
      if (address) failed.set(address, recipient);
    }
    for (const [address, recipient] of failed)
      await suppressBouncedAddress(tx, scope, address, recipient.diagnostic);
    const known = new Set(email.bouncedRecipients);
    const added = [...failed].filter(([address]) => !known.has(address));
    if (added.length === 0) return interactionView(email);
    const bounced = [...email.bouncedRecipients, ...added.map(([address]) => address)];
    const everyone = [...sentTo].every((address) => bounced.includes(address));
    const last = added[added.length - 1][1];
    return changeInteraction(
      tx,
      scope,
      email,
      {
        bouncedRecipients: bounced,
        status: everyone && email.status !== "failed" ? "bounced" : email.status,
        providerResponse: last.diagnostic ?? last.status ?? email.providerResponse,
      },
      (view) => [
        {
          type: "email.bounced",
          data: view,
          metadata: {
            recipients: added.map(([address, r]) => ({
              address,
              status: r.status,
              diagnostic_code: r.diagnostic,
            })),
          },
        },
      ],
    );
  });
}
