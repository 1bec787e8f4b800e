import {
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";
import { id, json, tenantId, timestamp } from "./columns";

export const tenants = sqliteTable("tenants", {
  id: id(),
  name: text("name").notNull().unique(),
  createdAt: timestamp("created_at").notNull(),
});

/**
 * The SMS sender numbers (E.164) the operator recorded for each tenant: a
 * tenant sends only from its own, and a number belongs to one tenant at
 * most (the primary key). `position` keeps the order given; the first is
 * the tenant's default sender.
 */
export const tenantSmsNumbers = sqliteTable(
  "tenant_sms_numbers",
  {
    number: text("number").primaryKey(),
    tenantId: tenantId().references(() => tenants.id),
    position: integer("position").notNull(),
    createdAt: timestamp("created_at").notNull(),
  },
  (t) => [index("tenant_sms_numbers_tenant_idx").on(t.tenantId, t.position)],
);

export const apiKeys = sqliteTable(
  "api_keys",
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    name: text("name").notNull(),
    /** First characters of the key, safe to show and log. */
    keyPrefix: text("key_prefix").notNull(),
    /** SHA-256 of the whole key; the key itself is never stored. */
    keyHash: text("key_hash").notNull(),
    permissions: json<string[]>("permissions").notNull(),
    rateLimit: integer("rate_limit"),
    /**
     * The key whose per-minute window this key's requests also count in: the
     * key that made it, or the one that key shares. Null: made by the operator.
     */
    rateLimitKeyId: text("rate_limit_key_id"),
    expiresAt: timestamp("expires_at"),
    revokedAt: timestamp("revoked_at"),
    lastUsedAt: timestamp("last_used_at"),
    createdAt: timestamp("created_at").notNull(),
  },
  (t) => [
    uniqueIndex("api_keys_hash_idx").on(t.keyHash),
    index("api_keys_tenant_idx").on(t.tenantId),
  ],
);

/** Field-level change: old → new. */
export type FieldChanges = Record<string, { old: unknown; new: unknown }>;

export const activityLog = sqliteTable(
  "activity_log",
  {
    id: id(),
    tenantId: tenantId(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id").notNull(),
    action: text("action").notNull(),
    actorType: text("actor_type").notNull(),
    actorId: text("actor_id"),
    actorName: text("actor_name"),
    changes: json<FieldChanges>("changes").notNull(),
    createdAt: timestamp("created_at").notNull(),
    syncSeq: integer("sync_seq").notNull(),
  },
  (t) => [
    index("activity_tenant_seq_idx").on(t.tenantId, t.syncSeq),
    index("activity_tenant_created_idx").on(t.tenantId, t.createdAt, t.syncSeq),
    index("activity_tenant_type_created_idx").on(t.tenantId, t.entityType, t.createdAt),
    // Entity ids are unique across types: these serve an entity's rows with or without its type,
    // in list order and in change-feed order.
    index("activity_tenant_entity_created_idx").on(t.tenantId, t.entityId, t.createdAt),
    index("activity_tenant_entity_seq_idx").on(t.tenantId, t.entityId, t.syncSeq),
  ],
);

/**
 * Transactional outbox: every event is written in the same transaction as the
 * change it describes; `seq` is commit order. `body` is the exact JSON that
 * webhook consumers receive and that signatures cover.
 */
export const outboxEvents = sqliteTable(
  "outbox_events",
  {
    seq: integer("seq").primaryKey({ autoIncrement: true }),
    id: text("id").notNull().unique(),
    tenantId: tenantId(),
    eventType: text("event_type").notNull(),
    entityType: text("entity_type"),
    entityId: text("entity_id"),
    body: text("body").notNull(),
    occurredAt: timestamp("occurred_at").notNull(),
    /** W3C traceparent of the request that caused the event: deliveries continue its trace. */
    traceParent: text("trace_parent"),
  },
  (t) => [
    index("outbox_tenant_seq_idx").on(t.tenantId, t.seq),
    index("outbox_occurred_idx").on(t.occurredAt),
  ],
);

/** Named monotonic counters (the global sync sequence lives here). */
export const counters = sqliteTable("counters", {
  name: text("name").primaryKey(),
  value: integer("value").notNull(),
});

/**
 * Idempotency-Key records: one per (caller, key). `status` is null while the
 * first request runs; then it holds that request's 2xx response, replayed to
 * retries with the same request until `expires_at`.
 */
export const idempotencyKeys = sqliteTable(
  "idempotency_keys",
  {
    /** `key:<api key id>` or `admin`. */
    principal: text("principal").notNull(),
    key: text("key").notNull(),
    /** SHA-256 of method, path with query, and the body (JSON canonicalised). */
    requestHash: text("request_hash").notNull(),
    status: integer("status"),
    body: text("body"),
    /**
     * The version of the record the answer is, when it is one record's view
     * (record-version.ts): its replay's strong ETag is made again from it.
     */
    version: integer("version"),
    createdAt: timestamp("created_at").notNull(),
    expiresAt: timestamp("expires_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.principal, t.key] }),
    index("idempotency_keys_expires_idx").on(t.expiresAt),
  ],
);
