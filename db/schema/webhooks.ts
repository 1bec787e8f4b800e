import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { id, json, tenantId, timestamp } from "./columns";

/** A pre-rotation signing secret (sealed) and when it stops signing (epoch ms). */
export interface RetiringSecret {
  secret: string;
  expiresAt: number;
}

/**
 * Push API. A webhook subscribes a URL to event types; the dispatcher fans
 * each outbox event out into one delivery per matching webhook, and every
 * HTTP request it makes for a delivery is an attempt. Everything several
 * instances must agree on (fan-out cursor, leases, retry times, counters) is
 * here, not in memory.
 */
export const webhooks = sqliteTable(
  "webhooks",
  {
    id: id(),
    tenantId: tenantId(),
    url: text("url").notNull(),
    /** Subscriptions: exact event types, `prefix.*` or `*`. */
    events: json<string[]>("events").notNull(),
    isActive: integer("is_active", { mode: "boolean" }).notNull(),
    /**
     * Custom request headers: names in clear, each value sealed like
     * `secret` (they often carry a receiver's credentials). Answers and the
     * activity log show the values masked (src/secrets.ts HEADER_MASK).
     */
    headers: json<Record<string, string>>("headers").notNull(),
    /**
     * Signing secret (`whsec_…`), sealed with AES-256-GCM (src/secrets.ts):
     * signing needs it back, so it cannot be hashed. Shown in clear only by
     * create and rotate-secret, never logged.
     */
    secret: text("secret").notNull(),
    /** The secret before the last rotation; still signs until it expires. */
    previousSecret: text("previous_secret"),
    previousSecretExpiresAt: timestamp("previous_secret_expires_at"),
    /**
     * Secrets of rotations before the last one whose own 24 hours have not
     * ended (a second rotation does not cut the first one's overlap short),
     * newest first, sealed like `secret`.
     */
    earlierSecrets: json<RetiringSecret[]>("earlier_secrets").notNull().default([]),
    /** Outbox seq when the webhook was created or last activated: only later events reach it. */
    fromSeq: integer("from_seq").notNull(),
    /** Why crmd disabled it (410, repeated failure); null when active or turned off by hand. */
    disabledReason: text("disabled_reason"),
    disabledAt: timestamp("disabled_at"),
    consecutiveFailures: integer("consecutive_failures").notNull().default(0),
    /** First failure of the current run of failures. */
    failingSince: timestamp("failing_since"),
    lastSuccessAt: timestamp("last_success_at"),
    lastFailureAt: timestamp("last_failure_at"),
    createdAt: timestamp("created_at").notNull(),
    updatedAt: timestamp("updated_at").notNull(),
  },
  (t) => [
    index("webhooks_tenant_created_idx").on(t.tenantId, t.createdAt),
    index("webhooks_active_tenant_idx").on(t.isActive, t.tenantId),
  ],
);

export const webhookDeliveries = sqliteTable(
  "webhook_deliveries",
  {
    id: id(),
    tenantId: tenantId(),
    webhookId: text("webhook_id").notNull(),
    eventId: text("event_id").notNull(),
    eventType: text("event_type").notNull(),
    /** Outbox seq of the event (its body lives there); null for test events. */
    eventSeq: integer("event_seq"),
    /** `<entity_type>:<entity_id>`: deliveries of one entity go out in seq order. */
    entityKey: text("entity_key"),
    /** The body, for events that are not in the outbox (webhook.test). */
    payload: text("payload"),
    /** pending | succeeded | failed */
    status: text("status").notNull(),
    attemptCount: integer("attempt_count").notNull().default(0),
    /** Failed attempts since the retry schedule last (re)started. */
    retryIndex: integer("retry_index").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at").notNull(),
    /** Claim of the instance sending the current attempt; expires so a crash frees it. */
    leaseToken: text("lease_token"),
    leaseUntil: timestamp("lease_until"),
    lastAttemptAt: timestamp("last_attempt_at"),
    lastStatusCode: integer("last_status_code"),
    lastError: text("last_error"),
    lastDurationMs: integer("last_duration_ms"),
    createdAt: timestamp("created_at").notNull(),
    updatedAt: timestamp("updated_at").notNull(),
    completedAt: timestamp("completed_at"),
  },
  (t) => [
    // The claim's indexes hold pending deliveries only (migration 0740).
    index("webhook_deliveries_due_idx")
      .on(t.webhookId, t.nextAttemptAt, t.eventSeq, t.leaseUntil)
      .where(sql`status = 'pending'`),
    index("webhook_deliveries_leased_idx")
      .on(t.webhookId, t.leaseUntil)
      .where(sql`lease_token IS NOT NULL`),
    index("webhook_deliveries_webhook_idx").on(t.webhookId, t.createdAt),
    index("webhook_deliveries_entity_idx")
      .on(t.webhookId, t.entityKey, t.eventSeq)
      .where(sql`status = 'pending'`),
    index("webhook_deliveries_completed_idx")
      .on(t.completedAt)
      .where(sql`completed_at IS NOT NULL`),
    // Outbox pruning keeps every event a delivery still points at.
    index("webhook_deliveries_event_seq_idx").on(t.eventSeq),
  ],
);

/** One HTTP request of a delivery and its outcome: the delivery log. */
export const webhookAttempts = sqliteTable(
  "webhook_attempts",
  {
    id: id(),
    deliveryId: text("delivery_id").notNull(),
    webhookId: text("webhook_id").notNull(),
    attempt: integer("attempt").notNull(),
    startedAt: timestamp("started_at").notNull(),
    finishedAt: timestamp("finished_at").notNull(),
    statusCode: integer("status_code"),
    durationMs: integer("duration_ms"),
    error: text("error"),
  },
  (t) => [
    index("webhook_attempts_delivery_idx").on(t.deliveryId, t.attempt),
    index("webhook_attempts_webhook_started_idx").on(t.webhookId, t.startedAt),
  ],
);

/**
 * Events a webhook still owes deliveries for since it became inactive:
 * those of its tenant in (after_seq, through_seq] that fan-out had not
 * reached, matched against `events` (its subscriptions then). Deactivating
 * only writes this row; the dispatcher turns it into deliveries a page at a
 * time (src/webhooks/fanout.ts catchUp), and the webhook's deliveries are
 * not claimed until its rows are gone, so per-entity order holds.
 */
export const webhookCatchups = sqliteTable(
  "webhook_catchups",
  {
    webhookId: text("webhook_id").notNull(),
    tenantId: tenantId(),
    events: json<string[]>("events").notNull(),
    /** Events after this outbox seq are still owed; moves forward a page at a time. */
    afterSeq: integer("after_seq").notNull(),
    throughSeq: integer("through_seq").notNull(),
    createdAt: timestamp("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.webhookId, t.throughSeq] })],
);
