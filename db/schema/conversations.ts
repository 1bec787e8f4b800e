import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { id, json, lifecycle, tenantId, timestamp } from "./columns";

/** A file sent with a message (stored elsewhere; crmd keeps the link). */
export type MessageAttachment = { url: string; name: string | null; mime_type: string | null };

/**
 * Someone else on an email conversation's thread (lower-case address), with
 * the contact having that address (null until one does); `removed_at`: an
 * agent dropped them from the thread, so they are no longer Cc'd and a
 * later email naming them does not add them back.
 */
export type ConversationParticipant = {
  email: string;
  contact_id: string | null;
  removed_at?: string;
};

/**
 * A support conversation with one customer (a contact). `last_message_at`
 * and `unread_count` (customer messages not yet seen) follow its messages,
 * written in the same transaction as each message.
 */
export const conversations = sqliteTable(
  "conversations",
  {
    id: id(),
    tenantId: tenantId(),
    customerId: text("customer_id").notNull(),
    /** open | pending | closed */
    status: text("status").notNull(),
    assignee: text("assignee"),
    /** low | medium | high | urgent */
    priority: text("priority").notNull(),
    /** chat | email | sms | other */
    channel: text("channel").notNull(),
    subject: text("subject"),
    tags: json<string[]>("tags").notNull().default([]),
    /** Teammates the conversation is shared with, in the order shared. */
    sharedWith: json<string[]>("shared_with").notNull().default([]),
    archivedAt: timestamp("archived_at"),
    lastMessageAt: timestamp("last_message_at"),
    unreadCount: integer("unread_count").notNull().default(0),
    /**
     * verified | unverified: opened through the widget by a visitor whose
     * identity was proven (user_hash) or not; null: opened by the team or a
     * channel. A verified visitor never reads the unverified ones of its
     * customer (plugins/widget).
     */
    visitorIdentity: text("visitor_identity"),
    /**
     * The widget visitor (the browser session its visitor tokens name) that
     * opened it; null: opened by the team or a channel. When that visitor
     * proves its identity, the conversations it opened unverified move to
     * the proven customer (plugins/widget).
     */
    visitorId: text("visitor_id"),
    /**
     * An email or SMS conversation: the customer's address (lower case) or
     * number (E.164) it is with; agents' replies go there (plugins/interactions).
     */
    customerAddress: text("customer_address"),
    /**
     * An email conversation: the others on its thread (From, To and Cc of
     * its received emails, not the customer, not the team's addresses), in
     * the order they appeared; agents' replies Cc them (plugins/interactions).
     */
    participants: json<ConversationParticipant[]>("participants").notNull().default([]),
    ...lifecycle(),
  },
  (t) => [
    index("conversations_tenant_created_idx").on(t.tenantId, t.createdAt),
    index("conversations_tenant_seq_idx").on(t.tenantId, t.syncSeq),
    index("conversations_tenant_updated_idx").on(t.tenantId, t.updatedAt, t.syncSeq),
    index("conversations_tenant_customer_idx").on(t.tenantId, t.customerId),
    index("conversations_tenant_status_idx").on(t.tenantId, t.status, t.createdAt),
    index("conversations_tenant_visitor_idx").on(t.tenantId, t.visitorId),
    // The inbox's order by latest activity (plugins/conversations/service.ts).
    index("conversations_tenant_activity_idx").on(
      t.tenantId,
      sql`coalesce(${t.lastMessageAt}, ${t.createdAt})`,
      t.id,
    ),
  ],
);

/** A message of a conversation, written by an agent or by the customer. */
export const messages = sqliteTable(
  "messages",
  {
    id: id(),
    tenantId: tenantId(),
    conversationId: text("conversation_id").notNull(),
    /**
     * The conversation's customer, kept here for views and filters: it changes
     * with the conversation's only when a widget visitor proves its identity.
     */
    customerId: text("customer_id").notNull(),
    /** agent | customer */
    authorType: text("author_type").notNull(),
    /** The agent's name or id (free text), or the customer's contact id. */
    authorId: text("author_id"),
    body: text("body").notNull(),
    attachments: json<MessageAttachment[]>("attachments").notNull().default([]),
    channel: text("channel").notNull(),
    /** The id the message has in the channel it came from: a repeat with the same id is the same message. */
    externalId: text("external_id"),
    sentAt: timestamp("sent_at").notNull(),
    seenAt: timestamp("seen_at"),
    /** The email or SMS (interaction) that carried the message, received or sent. */
    interactionId: text("interaction_id"),
    /** An agent's email or SMS reply: queued | sent | delivered | failed | bounced | not_sent; null otherwise. */
    deliveryStatus: text("delivery_status"),
    /** Why it failed or was not sent, or the provider's last answer. */
    deliveryDetail: text("delivery_detail"),
    ...lifecycle(),
  },
  (t) => [
    // Lists and threads go by sent_at, ties by id (plugins/conversations/messages-service.ts).
    index("messages_tenant_sent_idx").on(t.tenantId, t.sentAt, t.id),
    index("messages_tenant_seq_idx").on(t.tenantId, t.syncSeq),
    index("messages_tenant_updated_idx").on(t.tenantId, t.updatedAt, t.syncSeq),
    index("messages_conversation_sent_idx").on(t.tenantId, t.conversationId, t.sentAt, t.id),
    // A channel's id names one live message; a deleted message frees it (migration 1410).
    uniqueIndex("messages_tenant_external_idx")
      .on(t.tenantId, t.externalId)
      .where(sql`external_id IS NOT NULL AND deleted_at IS NULL`),
    // The message an email or SMS carried, when its delivery changes (migration 1720).
    index("messages_tenant_interaction_idx")
      .on(t.tenantId, t.interactionId)
      .where(sql`interaction_id IS NOT NULL`),
  ],
);

/** A customer's id in the tenant's own system (seed 003's `external_id`), linked to its contact. */
export const customerIdentities = sqliteTable(
  "customer_identities",
  {
    tenantId: tenantId(),
    externalId: text("external_id").notNull(),
    contactId: text("contact_id").notNull(),
    createdAt: timestamp("created_at").notNull(),
  },
  (t) => [
    uniqueIndex("customer_identities_external_idx").on(t.tenantId, t.externalId),
    index("customer_identities_contact_idx").on(t.contactId),
  ],
);
