import { t } from "elysia";
import { changedThrough, JsonInteger, pageQuery } from "../../src/core";

const Time = t.String({ format: "date-time" });
const NullableTime = t.Union([Time, t.Null()]);

const Url = t.String({
  minLength: 1,
  maxLength: 2048,
  description: "http(s) URL without credentials; must resolve to a public address",
});
const Events = t.Array(t.String({ minLength: 1, maxLength: 200 }), {
  minItems: 1,
  maxItems: 100,
  description: "Event types: exact (`deal.won`), a prefix (`deal.*`) or `*` for all",
});
const Headers = t.Record(t.String(), t.String(), {
  description:
    "Extra request headers (at most 20). Not allowed, in any letter case: X-Webhook-*, webhook-*, Content-Type, Content-Length, Host, User-Agent, traceparent and other framing headers. Values are stored encrypted and answered as ********; on update, ******** keeps a header's stored value",
});

/** crmd makes every signing secret: a body naming one is told where it comes from. */
const madeByCrmd = {
  secret:
    "is made by crmd: shown once in the answer to POST /webhooks, replaced with POST /webhooks/{id}/rotate-secret",
};

export const CreateWebhook = changedThrough(
  t.Object(
    {
      url: Url,
      events: Events,
      is_active: t.Optional(t.Boolean({ default: true })),
      headers: t.Optional(Headers),
    },
    { examples: [{ url: "https://example.com/hooks/crm", events: ["deal.*", "lead.created"] }] },
  ),
  madeByCrmd,
);

/** Seed 001's update body; omitted fields keep their value. */
export const UpdateWebhook = changedThrough(
  t.Object({
    url: t.Optional(Url),
    events: t.Optional(Events),
    is_active: t.Optional(t.Boolean({ description: "true re-enables a disabled webhook" })),
    headers: t.Optional(Headers),
  }),
  madeByCrmd,
);

export const Webhook = t.Object({
  id: t.String({ format: "uuid" }),
  tenant_id: t.String(),
  url: t.String(),
  events: t.Array(t.String()),
  is_active: t.Boolean(),
  headers: t.Record(t.String(), t.String()),
  disabled_reason: t.Union([t.String(), t.Null()], {
    description: "Why crmd disabled the webhook (410 Gone, repeated failure); null otherwise",
  }),
  disabled_at: NullableTime,
  consecutive_failures: JsonInteger(),
  failing_since: NullableTime,
  last_success_at: NullableTime,
  last_failure_at: NullableTime,
  previous_secret_expires_at: t.Union([Time, t.Null()], {
    description:
      "After a rotation: until then deliveries are signed with old secrets too (each for 24 hours after the rotation that replaced it)",
  }),
  created_at: Time,
  updated_at: Time,
});

export const WebhookWithSecret = t.Object({
  ...Webhook.properties,
  secret: t.String({
    description:
      "Signing secret (whsec_…). Shown only here: save it. X-Webhook-Signature is the hex HMAC-SHA256 of the body keyed with this string; webhook-signature follows Standard Webhooks",
  }),
});

export const DeliveryStatus = t.Union([
  t.Literal("pending"),
  t.Literal("succeeded"),
  t.Literal("failed"),
]);

export const Attempt = t.Object({
  attempt: JsonInteger(),
  started_at: Time,
  finished_at: Time,
  status_code: t.Union([JsonInteger(), t.Null()]),
  duration_ms: t.Union([JsonInteger(), t.Null()]),
  error: t.Union([t.String(), t.Null()]),
});

export const Delivery = t.Object({
  id: t.String({ format: "uuid" }),
  webhook_id: t.String(),
  event_id: t.String({ description: "The payload's `id` and the webhook-id header" }),
  event_type: t.String(),
  status: DeliveryStatus,
  attempt_count: JsonInteger(),
  next_attempt_at: t.Union([Time, t.Null()], { description: "When pending: the next attempt" }),
  last_attempt_at: NullableTime,
  last_status_code: t.Union([JsonInteger(), t.Null()]),
  last_error: t.Union([t.String(), t.Null()]),
  last_duration_ms: t.Union([JsonInteger(), t.Null()]),
  created_at: Time,
  completed_at: NullableTime,
  attempts: t.Array(Attempt),
});

export const WebhookDetail = t.Object({
  ...Webhook.properties,
  recent_deliveries: t.Array(Delivery, { description: "The 20 most recent" }),
});

export const TestResult = t.Object({
  success: t.Boolean(),
  status_code: t.Union([JsonInteger(), t.Null()]),
  duration_ms: JsonInteger(),
  error: t.Union([t.String(), t.Null()]),
  delivery_id: t.String(),
  event_id: t.String(),
});

export const DeliveryParams = t.Object({ id: t.String(), delivery_id: t.String() });

export const WebhookListQuery = t.Object({ page: pageQuery.page, page_size: pageQuery.page_size });
export const DeliveryListQuery = t.Object({
  page: pageQuery.page,
  page_size: pageQuery.page_size,
  status: t.Optional(DeliveryStatus),
});

export const ReplayQuery = t.Object({
  since: t.String({
    description: "ISO 8601: failed deliveries created at or after it are sent again",
    examples: ["2026-01-01T00:00:00.000Z"],
  }),
});
export const ReplayResult = t.Object({
  replayed: JsonInteger({ description: "Failed deliveries queued again" }),
});
