import { readFileSync } from "node:fs";
import { Readable } from "node:stream";
import type { ReadableStream as WebStream } from "node:stream/web";
import { rootCertificates } from "node:tls";
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Transporter } from "nodemailer";
import type SMTPTransport from "nodemailer/lib/smtp-transport";
import { documents } from "../../db/schema";
import { type AppContext, smtpTlsMode } from "../../src/core";
import { documentStore } from "../documents";
import { type Channel, SendFailure } from "./channel";
import type { InteractionRow } from "./service";

const bracketed = (id: string) => `<${id}>`;

/**
 * The files of an email's attachment documents, read when it is sent: on
 * the primary, since a document uploaded just before on another instance
 * may not be on a lagging replica yet, and a missing one fails the email
 * for good.
 */
async function attachmentsOf(ctx: AppContext, row: InteractionRow) {
  if (row.attachments.length === 0) return [];
  const store = documentStore(ctx);
  const found = await ctx.db.primaryRead
    .select()
    .from(documents)
    .where(
      and(
        eq(documents.tenantId, row.tenantId),
        inArray(documents.id, row.attachments),
        isNull(documents.deletedAt),
      ),
    );
  const attachments = [];
  for (const id of row.attachments) {
    const doc = found.find((d) => d.id === id);
    if (!doc?.sha256) throw new SendFailure(`attachment ${id} is no longer available`, true);
    const size = doc.size ?? 0;
    const bytes = await store.read(doc.sha256, size, 0, size - 1, { primary: true });
    if (!bytes) throw new SendFailure(`attachment ${id} is no longer available`, true);
    attachments.push({
      filename: doc.name,
      contentType: doc.mimeType ?? undefined,
      // Read as the message is written: a row (or a file) at a time, unless read at once.
      content:
        bytes instanceof Uint8Array
          ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length)
          : Readable.fromWeb((bytes instanceof Blob ? bytes.stream() : bytes) as WebStream),
    });
  }
  return attachments;
}

/** The message as queued: its Message-ID and threading headers never change between attempts. */
const messageOf = (row: InteractionRow) => ({
  from: row.fromAddress ?? undefined,
  to: row.toAddresses,
  cc: row.ccAddresses,
  bcc: row.bccAddresses,
  replyTo: row.replyTo ?? undefined,
  subject: row.subject ?? "",
  text: row.bodyText ?? undefined,
  html: row.bodyHtml ?? undefined,
  messageId: row.messageId ? bracketed(row.messageId) : undefined,
  inReplyTo: row.inReplyTo ? bracketed(row.inReplyTo) : undefined,
  references: row.references.map(bracketed),
  headers: { "X-Crmd-Interaction-Id": row.id },
});

/**
 * The id a relay gave the message, where its answer to DATA names one: in
 * angle brackets (`250 Ok <id@host>`), or bare as Amazon SES answers
 * (`250 Ok 0100018e…-000000`; the Message-ID SES writes is that id at its
 * own domain). Relays such as SES replace the Message-ID, and replies then
 * carry theirs in In-Reply-To and References. Null when the answer names
 * none (Postfix's `250 2.0.0 Ok: queued as …` names a queue file, not the message).
 */
export function relayMessageId(response: string | undefined): string | null {
  const text = (response ?? "").trim();
  const named = /<([^<>\s]+)>/.exec(text);
  if (named) return named[1];
  return /^250 Ok (\S+)$/i.exec(text)?.[1] ?? null;
}

/**
 * The authorities the server's certificate is checked against: the
 * system's, plus CRMD_SMTP_CA_FILE's (Node's `ca` option replaces the
 * defaults, so they are listed too).
 */
const trusted = (caFile: string | undefined) =>
  caFile ? { tls: { ca: [...rootCertificates, readFileSync(caFile, "utf8")] } } : {};

/**
 * Email over SMTP with nodemailer (CRMD_SMTP_URL: smtp:// with STARTTLS
 * as CRMD_SMTP_TLS says, smtps:// for TLS). The certificate is always
 * verified. A server that does not offer STARTTLS when it is required
 * gets neither the credentials nor the message: it is retried, with a
 * warning, like refused credentials. A 5xx reply is permanent; 4xx replies, timeouts, connection,
 * certificate and authentication errors are retried. nodemailer loads with the first
 * email, not at start.
 */
export function smtpChannel(ctx: AppContext, url: string): Channel {
  const timeout = ctx.config.sendTimeoutMs;
  const tls = trusted(ctx.config.smtpCaFile);
  const mode = smtpTlsMode(url, ctx.config.smtpTls);
  // required: STARTTLS or nothing (nodemailer sends no AUTH, no mail); off: never STARTTLS.
  const starttls =
    mode === "required" ? { requireTLS: true } : mode === "off" ? { ignoreTLS: true } : {};
  let transport: Promise<Transporter<SMTPTransport.SentMessageInfo>> | undefined;
  const transporter = () =>
    (transport ??= import("nodemailer").then(({ default: nodemailer }) =>
      nodemailer.createTransport({
        url,
        connectionTimeout: timeout,
        greetingTimeout: timeout,
        socketTimeout: timeout,
        ...starttls,
        ...tls,
      }),
    ));
  return {
    async send(row) {
      const attachments = await attachmentsOf(ctx, row);
      const smtp = await transporter();
      // A retry after the server deferred some recipients goes to them alone; the headers stay.
      const envelope = row.pendingRecipients
        ? { envelope: { from: row.fromAddress ?? undefined, to: row.pendingRecipients } }
        : {};
      try {
        const info = await smtp.sendMail({ ...messageOf(row), ...envelope, attachments });
        const rejected = info.rejected.length ? ` (rejected: ${info.rejected.join(", ")})` : "";
        const deferred = (info.rejectedErrors ?? [])
          .filter((e) => e.recipient && e.responseCode !== undefined && e.responseCode < 500)
          .map((e) => e.recipient as string);
        const relayId = relayMessageId(info.response);
        return {
          // The relay's own id for the message, when it rewrote crmd's: replies may quote either.
          providerId: relayId === row.messageId ? null : relayId,
          response: `${info.response}${rejected}`,
          deferred,
        };
      } catch (error) {
        const { code, responseCode, response, message } = error as {
          code?: string;
          responseCode?: number;
          response?: string;
          message: string;
        };
        // Refused credentials (535 and the like) or none given (530) are the
        // operator's configuration, not the message's: retried like a 4xx.
        const unauthenticated = code === "EAUTH" || responseCode === 530;
        // STARTTLS required but refused or not offered: nothing was sent, credentials neither.
        const noTls = code === "ETLS" && mode === "required";
        if (noTls)
          ctx.logger.warn(
            "the SMTP server offers no STARTTLS: nothing is sent in clear (set CRMD_SMTP_TLS=opportunistic to allow it, or use smtps://)",
            {
              interaction_id: row.id,
              response_code: responseCode ?? null,
              response: response ?? message,
            },
          );
        if (unauthenticated)
          ctx.logger.warn("SMTP authentication failed: check the credentials in CRMD_SMTP_URL", {
            interaction_id: row.id,
            response_code: responseCode ?? null,
            response: response ?? message,
          });
        const permanent =
          !unauthenticated && !noTls && responseCode !== undefined && responseCode >= 500;
        throw new SendFailure(response ?? message, permanent);
      }
    },
    close: () => void transport?.then((smtp) => smtp.close()),
  };
}
