import {
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";
import { id, json, lifecycle, tenantId, timestamp } from "./columns";

/**
 * Emails, SMS and calls: one row per message or call, outbound or inbound,
 * linked to a contact, company and deal. Outbound messages are queued here
 * (status `queued`, next_attempt_at) in the transaction that creates them and
 * sent by the communications worker, which leases a row (lease_until) before
 * it talks to the server.
 */
export const interactions = sqliteTable(
  "interactions",
  {
    id: id(),
    tenantId: tenantId(),
    /** email | sms | call */
    type: text("type").notNull(),
    /** inbound | outbound */
    direction: text("direction").notNull(),
    /** queued | sent | delivered | failed | received | in_progress | completed */
    status: text("status").notNull(),
    contactId: text("contact_id"),
    companyId: text("company_id"),
    dealId: text("deal_id"),
    fromAddress: text("from_address"),
    toAddresses: json<string[]>("to_addresses").notNull().default([]),
    ccAddresses: json<string[]>("cc_addresses").notNull().default([]),
    bccAddresses: json<string[]>("bcc_addresses").notNull().default([]),
    replyTo: text("reply_to"),
    subject: text("subject"),
    bodyText: text("body_text"),
    bodyHtml: text("body_html"),
    /** Email: the Message-ID (without angle brackets), fixed when queued so a resend keeps it. */
    messageId: text("message_id"),
    inReplyTo: text("in_reply_to"),
    references: json<string[]>("references").notNull().default([]),
    /** The first message of the conversation's thread (an interaction id). */
    threadId: text("thread_id"),
    /** Document ids sent or received as attachments. */
    attachments: json<string[]>("attachments").notNull().default([]),
    /** The provider's id of the message (Twilio's SID). */
    providerId: text("provider_id"),
    /** The server's last answer (SMTP reply, provider status or error). */
    providerResponse: text("provider_response"),
    attempts: integer("attempts").notNull().default(0),
    /** Email: who the next attempt goes to, when the server deferred them and took the rest (null: everyone). */
    pendingRecipients: json<string[]>("pending_recipients"),
    /** Email: recipients a delivery status notification reported as failed (a bounce), lower case. */
    bouncedRecipients: json<string[]>("bounced_recipients").notNull().default([]),
    nextAttemptAt: timestamp("next_attempt_at"),
    leaseUntil: timestamp("lease_until"),
    /** When it happened: queued, received, or the call's start. */
    occurredAt: timestamp("occurred_at").notNull(),
    sentAt: timestamp("sent_at"),
    endedAt: timestamp("ended_at"),
    durationSeconds: integer("duration_seconds"),
    /** Calls: answered | no_answer | busy | voicemail | failed | … */
    outcome: text("outcome"),
    recordingUrl: text("recording_url"),
    ...lifecycle(),
  },
  (t) => [
    index("interactions_tenant_created_idx").on(t.tenantId, t.createdAt),
    index("interactions_tenant_seq_idx").on(t.tenantId, t.syncSeq),
    index("interactions_tenant_updated_idx").on(t.tenantId, t.updatedAt, t.syncSeq),
    index("interactions_tenant_occurred_idx").on(t.tenantId, t.occurredAt),
    index("interactions_tenant_contact_idx").on(t.tenantId, t.contactId, t.occurredAt),
    index("interactions_tenant_company_idx").on(t.tenantId, t.companyId, t.occurredAt),
    index("interactions_tenant_deal_idx").on(t.tenantId, t.dealId, t.occurredAt),
    index("interactions_tenant_message_idx").on(t.tenantId, t.messageId),
    // A received email joins the conversation of its thread (plugins/interactions/inbox.ts).
    index("interactions_tenant_thread_idx").on(t.tenantId, t.threadId),
    index("interactions_provider_idx").on(t.providerId),
    index("interactions_due_idx").on(t.status, t.nextAttemptAt),
  ],
);

/**
 * Every id an SMTP relay gave an email it took (its answer to DATA names
 * the message by an id of its own, as Amazon SES does), one row per id: an
 * email the relay took in parts (recipients it deferred, retried in a later
 * transaction) has one per part. Replies and bounces quoting any of them
 * thread to the email.
 */
export const emailRelayIds = sqliteTable(
  "email_relay_ids",
  {
    tenantId: tenantId(),
    /** As the relay named it: `id@host`, or SES's bare id. */
    relayId: text("relay_id").notNull(),
    interactionId: text("interaction_id").notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.relayId, t.interactionId] })],
);

/** Each tenant's inbound email secret, hashed: relays present it with the raw message. */
export const inboundSecrets = sqliteTable(
  "inbound_secrets",
  {
    tenantId: text("tenant_id").primaryKey(),
    secretHash: text("secret_hash").notNull(),
    createdAt: timestamp("created_at").notNull(),
  },
  (t) => [uniqueIndex("inbound_secrets_hash_idx").on(t.secretHash)],
);

/**
 * Each tenant's own email addresses (`support@acme.com`) and domains
 * (`@acme.com`), lower case, in the order given: its team's mailboxes,
 * never participants of a thread nor Cc'd on agents' replies.
 */
export const teamEmailAddresses = sqliteTable(
  "team_email_addresses",
  {
    tenantId: tenantId(),
    /** `local@domain`, or `@domain` for every address of the domain. */
    address: text("address").notNull(),
    position: integer("position").notNull(),
    createdAt: timestamp("created_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.address] }),
    // SES's received email finds its tenant by its recipients (plugins/interactions/ses.ts).
    index("team_email_addresses_address_idx").on(t.address),
  ],
);

/**
 * Addresses (lower-case emails, E.164 numbers) a tenant no longer sends to
 * on a channel, whether or not a contact has them: an SMS "STOP", or an
 * email address a bounce reported as undeliverable. Sends to them are
 * refused like sends to an opted-out contact.
 */
export const communicationOptOuts = sqliteTable(
  "communication_opt_outs",
  {
    tenantId: tenantId(),
    /** email | sms */
    channel: text("channel").notNull(),
    address: text("address").notNull(),
    /** opt_out (the person asked) | bounce (the address does not take mail) */
    reason: text("reason").notNull().default("opt_out"),
    /** A bounce: the remote server's diagnostic, as the report gave it. */
    detail: text("detail"),
    createdAt: timestamp("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.channel, t.address] })],
);
