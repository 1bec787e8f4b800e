import { and, count, desc, eq, gte, inArray, max, ne, type SQL } from "drizzle-orm";
import type { ReadDb, WriteTx } from "../../db/client";
import {
  outboxEvents,
  webhookAttempts,
  webhookCatchups,
  webhookDeliveries,
  webhooks,
} from "../../db/schema";
import {
  type Actor,
  ApiError,
  type AppContext,
  classifyAddress,
  conflict,
  fanOutBeforeDeactivation,
  generateWebhookSecret,
  HEADER_MASK,
  hintHeaders,
  invalid,
  isLocalHostname,
  iso,
  isReservedHeader,
  isValidSubscription,
  maskHeaders,
  newId,
  notFound,
  recordChange,
  retiringAfterRotation,
  retiringSecrets,
  tenantEventTypes,
} from "../../src/core";

type WebhookRow = typeof webhooks.$inferSelect;
type DeliveryRow = typeof webhookDeliveries.$inferSelect;
type AttemptRow = typeof webhookAttempts.$inferSelect;

export interface WebhookInput {
  url?: string;
  events?: string[];
  is_active?: boolean;
  headers?: Record<string, string>;
}

const RECENT_DELIVERIES = 20;
const MAX_HEADERS = 20;
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** What HTTP carries in a header value (RFC 9110 field-value): no control characters, nothing past ISO-8859-1. */
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

export function webhookView(row: WebhookRow, now: Date) {
  const overlap = row.previousSecretExpiresAt && row.previousSecretExpiresAt > now;
  return {
    id: row.id,
    tenant_id: row.tenantId,
    url: row.url,
    events: row.events,
    is_active: row.isActive,
    headers: maskHeaders(row.headers),
    disabled_reason: row.disabledReason,
    disabled_at: iso(row.disabledAt),
    consecutive_failures: row.consecutiveFailures,
    failing_since: iso(row.failingSince),
    last_success_at: iso(row.lastSuccessAt),
    last_failure_at: iso(row.lastFailureAt),
    previous_secret_expires_at: overlap ? iso(row.previousSecretExpiresAt) : null,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

export const attemptView = (row: AttemptRow) => ({
  attempt: row.attempt,
  started_at: row.startedAt.toISOString(),
  finished_at: row.finishedAt.toISOString(),
  status_code: row.statusCode,
  duration_ms: row.durationMs,
  error: row.error,
});

export const deliveryView = (row: DeliveryRow, attempts: AttemptRow[]) => ({
  id: row.id,
  webhook_id: row.webhookId,
  event_id: row.eventId,
  event_type: row.eventType,
  status: row.status as "pending" | "succeeded" | "failed",
  attempt_count: row.attemptCount,
  next_attempt_at: row.status === "pending" ? iso(row.nextAttemptAt) : null,
  last_attempt_at: iso(row.lastAttemptAt),
  last_status_code: row.lastStatusCode,
  last_error: row.lastError,
  last_duration_ms: row.lastDurationMs,
  created_at: row.createdAt.toISOString(),
  completed_at: iso(row.completedAt),
  attempts: attempts.map(attemptView),
});

function validateUrl(raw: string, allowPrivate: boolean) {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw invalid("/url", "is not a valid URL");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw invalid("/url", "must be an http or https URL");
  if (url.username || url.password) throw invalid("/url", "must not contain credentials");
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const cls = classifyAddress(host);
  // Names are checked after DNS resolution at delivery time; literal addresses can be refused now.
  if (!allowPrivate && ((cls !== null && cls !== "public") || isLocalHostname(host)))
    throw invalid(
      "/url",
      `must not point to a ${cls ?? "loopback"} address (start crmd with CRMD_WEBHOOK_ALLOW_PRIVATE=1 to deliver to local receivers)`,
    );
}

function validateEvents(events: string[], tenantTypes: readonly string[]) {
  events.forEach((pattern, i) => {
    if (!isValidSubscription(pattern, tenantTypes))
      throw invalid(`/events/${i}`, `unknown event type "${pattern}"`);
  });
}

const headerPath = (name: string) => `/headers/${name.replace(/~/g, "~0").replace(/\//g, "~1")}`;

function validateHeaders(headers: Record<string, string>) {
  const names = Object.keys(headers);
  if (names.length > MAX_HEADERS) throw invalid("/headers", `at most ${MAX_HEADERS} headers`);
  const seen = new Set<string>();
  for (const name of names) {
    const path = headerPath(name);
    if (!HEADER_NAME.test(name)) throw invalid(path, "is not a valid header name");
    if (seen.has(name.toLowerCase())) throw invalid(path, "is given twice (names ignore case)");
    seen.add(name.toLowerCase());
    if (isReservedHeader(name)) throw invalid(path, "is set by crmd and cannot be overridden");
    const value = headers[name];
    if (!HEADER_VALUE.test(value) || value.length > 4096)
      throw invalid(
        path,
        "must be one line of at most 4096 characters, without control characters or characters beyond ISO-8859-1",
      );
  }
}

/** Checks the input; event types are the catalogue's and the tenant's own (custom objects). */
async function validateInput(ctx: AppContext, tenantId: string, input: WebhookInput) {
  if (input.url !== undefined) validateUrl(input.url, ctx.config.webhookAllowPrivate);
  if (input.events !== undefined) {
    const own = await tenantEventTypes(ctx.db.read, tenantId);
    validateEvents(
      input.events,
      own.map((e) => e.type),
    );
  }
  if (input.headers !== undefined) validateHeaders(input.headers);
}

/**
 * The headers to store, values sealed. `given` replaces the whole set; a
 * value that is the mask (as answers show it) keeps the stored value of the
 * header of that name (in any letter case), so a client can send back what
 * it read with one value changed. The mask for a header the webhook does
 * not have is a 422.
 */
function headersToStore(
  ctx: AppContext,
  given: Record<string, string>,
  stored: Record<string, string>,
): Record<string, string> {
  const kept = new Map(Object.entries(stored).map(([name, value]) => [name.toLowerCase(), value]));
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(given)) {
    if (value !== HEADER_MASK) {
      result[name] = ctx.secrets.seal(value);
      continue;
    }
    const sealed = kept.get(name.toLowerCase());
    if (sealed === undefined)
      throw invalid(
        headerPath(name),
        `is the mask ${HEADER_MASK}, which keeps a stored value, but the webhook has no such header: give its value`,
      );
    result[name] = sealed;
  }
  return result;
}

/** Outbox position now: a webhook receives events committed after it. */
async function latestSeq(tx: WriteTx): Promise<number> {
  const [row] = await tx.select({ seq: max(outboxEvents.seq) }).from(outboxEvents);
  return row?.seq ?? 0;
}

/** The tenant's webhook, read in `db` (the read handle, or a write transaction), or 404. */
export async function findWebhook(
  db: ReadDb | WriteTx,
  tenantId: string,
  id: string,
): Promise<WebhookRow> {
  const [row] = await (db as ReadDb)
    .select()
    .from(webhooks)
    .where(and(eq(webhooks.id, id), eq(webhooks.tenantId, tenantId)));
  if (!row) throw notFound("Webhook");
  return row;
}

/**
 * A webhook as its activity entries show it: as answers show it, but each
 * custom header value as the mask plus its keyed hint, so that an update
 * that changes a value (and only the value) shows in the entry's changes.
 */
const auditView = (ctx: AppContext, row: WebhookRow, now: Date) => ({
  ...webhookView(row, now),
  headers: hintHeaders(ctx.secrets, row.tenantId, row.headers),
});

const audit = (
  ctx: AppContext,
  tx: WriteTx,
  row: WebhookRow,
  actor: Actor,
  action: string,
  before: WebhookRow | null,
  after: WebhookRow | null,
  at: Date,
) =>
  recordChange(tx, {
    tenantId: row.tenantId,
    actor,
    entityType: "webhook",
    entityId: row.id,
    action,
    before: before && auditView(ctx, before, at),
    after: after && auditView(ctx, after, at),
    at,
  });

/**
 * Runs a write that stores signing secrets. Database errors quote the
 * query's parameters and end up in the log, so they are rethrown with every
 * secret blanked out.
 */
export async function keepingSecrets<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof ApiError) throw error;
    let message = "";
    for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause)
      message += ` ${(e as Error).message ?? String(e)}`;
    throw new Error(
      `storing a webhook failed:${message.replace(/whsec_[A-Za-z0-9+/=]*/g, "whsec_***")}`,
    );
  }
}

export async function createWebhook(
  ctx: AppContext,
  tenantId: string,
  actor: Actor,
  input: Required<Pick<WebhookInput, "url" | "events">> & WebhookInput,
) {
  await validateInput(ctx, tenantId, input);
  const now = ctx.clock.now();
  const secret = generateWebhookSecret();
  return keepingSecrets(() =>
    ctx.write(async (tx) => {
      const row: WebhookRow = {
        id: newId(),
        tenantId,
        url: input.url,
        events: [...new Set(input.events)],
        isActive: input.is_active ?? true,
        headers: headersToStore(ctx, input.headers ?? {}, {}),
        secret: ctx.secrets.seal(secret),
        previousSecret: null,
        previousSecretExpiresAt: null,
        earlierSecrets: [],
        fromSeq: await latestSeq(tx),
        disabledReason: null,
        disabledAt: null,
        consecutiveFailures: 0,
        failingSince: null,
        lastSuccessAt: null,
        lastFailureAt: null,
        createdAt: now,
        updatedAt: now,
      };
      await tx.insert(webhooks).values(row);
      const view = webhookView(row, now);
      await audit(ctx, tx, row, actor, "created", null, row, now);
      return { ...view, secret };
    }),
  );
}

/** One page of rows plus the seed 001 list envelope. */
function envelope<T>(items: T[], total: number, page: number, pageSize: number) {
  return {
    total,
    page,
    page_size: pageSize,
    has_more: page * pageSize < total,
    next_cursor: null,
    items,
  };
}

export async function listWebhooks(
  ctx: AppContext,
  tenantId: string,
  page: number,
  pageSize: number,
) {
  const where = eq(webhooks.tenantId, tenantId);
  const rows = await ctx.db.read
    .select()
    .from(webhooks)
    .where(where)
    .orderBy(desc(webhooks.createdAt), desc(webhooks.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [{ n }] = await ctx.db.read.select({ n: count() }).from(webhooks).where(where);
  const now = ctx.clock.now();
  return envelope(
    rows.map((row) => webhookView(row, now)),
    n,
    page,
    pageSize,
  );
}

async function withAttempts(db: ReadDb | WriteTx, rows: DeliveryRow[]) {
  const ids = rows.map((row) => row.id);
  const attempts = ids.length
    ? await (db as ReadDb)
        .select()
        .from(webhookAttempts)
        .where(inArray(webhookAttempts.deliveryId, ids))
        .orderBy(webhookAttempts.attempt)
    : [];
  const byDelivery = Map.groupBy(attempts, (attempt) => attempt.deliveryId);
  return rows.map((row) => deliveryView(row, byDelivery.get(row.id) ?? []));
}

export async function listDeliveries(
  ctx: AppContext,
  tenantId: string,
  webhookId: string,
  query: { page?: number; page_size?: number; status?: string },
) {
  await findWebhook(ctx.db.read, tenantId, webhookId);
  const page = query.page ?? 1;
  const pageSize = query.page_size ?? 50;
  const where = and(
    eq(webhookDeliveries.webhookId, webhookId),
    query.status ? eq(webhookDeliveries.status, query.status) : undefined,
  ) as SQL;
  const rows = await ctx.db.read
    .select()
    .from(webhookDeliveries)
    .where(where)
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [{ n }] = await ctx.db.read.select({ n: count() }).from(webhookDeliveries).where(where);
  return envelope(await withAttempts(ctx.db.read, rows), n, page, pageSize);
}

export async function webhookDetail(ctx: AppContext, tenantId: string, id: string) {
  const row = await findWebhook(ctx.db.read, tenantId, id);
  const recent = await ctx.db.read
    .select()
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.webhookId, id))
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(RECENT_DELIVERIES);
  return {
    ...webhookView(row, ctx.clock.now()),
    recent_deliveries: await withAttempts(ctx.db.read, recent),
  };
}

export async function updateWebhook(
  ctx: AppContext,
  tenantId: string,
  actor: Actor,
  id: string,
  input: WebhookInput,
) {
  await validateInput(ctx, tenantId, input);
  const now = ctx.clock.now();
  return ctx.write(async (tx) => {
    const before = await findWebhook(tx, tenantId, id);
    const changes: Partial<WebhookRow> = { updatedAt: now };
    if (input.url !== undefined) changes.url = input.url;
    if (input.events !== undefined) changes.events = [...new Set(input.events)];
    if (input.headers !== undefined)
      changes.headers = headersToStore(ctx, input.headers, before.headers);
    if (input.is_active === false && before.isActive) {
      await fanOutBeforeDeactivation(tx, before, now);
      Object.assign(changes, { isActive: false });
    }
    if (input.is_active === true && !before.isActive) {
      // Re-enabling starts afresh: new events only, failure streak forgotten.
      Object.assign(changes, {
        isActive: true,
        fromSeq: await latestSeq(tx),
        disabledReason: null,
        disabledAt: null,
        consecutiveFailures: 0,
        failingSince: null,
      });
    }
    const [after] = await tx.update(webhooks).set(changes).where(eq(webhooks.id, id)).returning();
    const view = webhookView(after, now);
    await audit(ctx, tx, after, actor, "updated", before, after, now);
    return view;
  });
}

/** Deletes the webhook, its secret and its delivery log; nothing more is sent to it. */
export async function deleteWebhook(ctx: AppContext, tenantId: string, actor: Actor, id: string) {
  const now = ctx.clock.now();
  return ctx.write(async (tx) => {
    const row = await findWebhook(tx, tenantId, id);
    await tx.delete(webhookAttempts).where(eq(webhookAttempts.webhookId, id));
    await tx.delete(webhookDeliveries).where(eq(webhookDeliveries.webhookId, id));
    await tx.delete(webhookCatchups).where(eq(webhookCatchups.webhookId, id));
    await tx.delete(webhooks).where(eq(webhooks.id, id));
    const view = webhookView(row, now);
    await audit(ctx, tx, row, actor, "deleted", row, null, now);
    return view;
  });
}

/**
 * New secret; the old one keeps signing (another webhook-signature entry) for
 * 24 hours, and so do older ones still inside their own 24 hours.
 */
export async function rotateSecret(ctx: AppContext, tenantId: string, actor: Actor, id: string) {
  const now = ctx.clock.now();
  const secret = generateWebhookSecret();
  return keepingSecrets(() =>
    ctx.write(async (tx) => {
      const before = await findWebhook(tx, tenantId, id);
      const [previous, ...earlier] = retiringAfterRotation(
        before.secret,
        retiringSecrets(before),
        now,
      );
      const [after] = await tx
        .update(webhooks)
        .set({
          secret: ctx.secrets.seal(secret),
          previousSecret: previous.secret,
          previousSecretExpiresAt: new Date(previous.expiresAt),
          earlierSecrets: earlier,
          updatedAt: now,
        })
        .where(eq(webhooks.id, id))
        .returning();
      const view = webhookView(after, now);
      await audit(ctx, tx, after, actor, "secret_rotated", before, after, now);
      return { ...view, secret };
    }),
  );
}

/** Fields that put a finished delivery back in the queue, due now, with a fresh retry schedule. */
const requeue = (now: Date) => ({
  status: "pending",
  retryIndex: 0,
  nextAttemptAt: now,
  leaseToken: null,
  leaseUntil: null,
  completedAt: null,
  updatedAt: now,
});

function assertActive(row: WebhookRow) {
  if (!row.isActive)
    throw conflict("The webhook is inactive; set is_active to true first (PUT /webhooks/{id})");
}

export async function redeliver(
  ctx: AppContext,
  tenantId: string,
  webhookId: string,
  deliveryId: string,
) {
  const now = ctx.clock.now();
  return ctx.write(async (tx) => {
    assertActive(await findWebhook(tx, tenantId, webhookId));
    const [updated] = await tx
      .update(webhookDeliveries)
      .set(requeue(now))
      .where(and(eq(webhookDeliveries.id, deliveryId), eq(webhookDeliveries.webhookId, webhookId)))
      .returning();
    if (!updated) throw notFound("Delivery");
    const [view] = await withAttempts(tx, [updated]);
    return view;
  });
}

export async function replay(ctx: AppContext, tenantId: string, webhookId: string, since: Date) {
  const now = ctx.clock.now();
  return ctx.write(async (tx) => {
    assertActive(await findWebhook(tx, tenantId, webhookId));
    const rows = await tx
      .update(webhookDeliveries)
      .set(requeue(now))
      .where(
        and(
          eq(webhookDeliveries.webhookId, webhookId),
          eq(webhookDeliveries.status, "failed"),
          gte(webhookDeliveries.createdAt, since),
          // A test send is one attempt outside the queue: send another test instead.
          ne(webhookDeliveries.eventType, "webhook.test"),
        ),
      )
      .returning({ id: webhookDeliveries.id });
    return { replayed: rows.length };
  });
}
