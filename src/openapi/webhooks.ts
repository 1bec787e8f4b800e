import type { Schema } from "./schemas";

const header = (name: string, description: string) => ({
  name,
  in: "header",
  required: true,
  description,
  schema: { type: "string" },
});

/** The headers every delivery is signed with. */
const SIGNATURE_HEADERS = [
  header("webhook-id", "The event's id (Standard Webhooks); the same on every retry"),
  header("webhook-timestamp", "Unix seconds of the attempt, signed"),
  header(
    "webhook-signature",
    "`v1,<base64 HMAC-SHA256 of id.timestamp.body>`; two space-separated entries after a secret rotation",
  ),
  header("X-Webhook-Signature", "Hex HMAC-SHA256 of the raw body, keyed with the secret"),
  header("X-Webhook-Event", "The event type"),
  header("X-Webhook-Timestamp", "ISO 8601 time of the attempt"),
];

/** Those headers as `components.parameters`, which each event's POST refers to by `$ref`. */
export const signatureParameters = () =>
  Object.fromEntries(SIGNATURE_HEADERS.map((parameter) => [parameter.name, parameter]));

const SIGNATURE_REFS = SIGNATURE_HEADERS.map(({ name }) => ({
  $ref: `#/components/parameters/${name}`,
}));

/** Event types whose record's schema is not named after their first word. */
const ENTITY_OF_PREFIX: Record<string, string> = {
  "calendar.event": "CalendarEvent",
  call: "Interaction",
  email: "Interaction",
  sms: "Interaction",
};

/** `deal.stage_changed` → `Deal`, `business_hours.updated` → `BusinessHours`, `sms.sent` → `Interaction`. */
function entityName(type: string): string {
  const words = type.split(".");
  const named = ENTITY_OF_PREFIX[words.slice(0, -1).join(".")] ?? ENTITY_OF_PREFIX[words[0]];
  if (named) return named;
  return words[0]
    .split("_")
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join("");
}

/**
 * Any JSON object: `additionalProperties` said outright, since generators
 * type a bare `{"type": "object"}` as an object without keys
 * (openapi-typescript's `Record<string, never>`).
 */
const ANY_OBJECT = { type: "object", additionalProperties: true };

/** The name of the envelope every delivery carries, in `components.schemas`. */
export const EVENT_SCHEMA = "WebhookEvent";

/**
 * The envelope every delivery carries, once for all event types: `data` is
 * any JSON here (each event type's body narrows it to its entity), so a
 * generated type intersected with the entity's stays the entity's.
 */
const eventSchema = (): Schema => ({
  type: "object",
  required: ["id", "event_type", "timestamp", "tenant_id", "data", "metadata"],
  properties: {
    id: { type: "string", description: "Event id; the same on every retry" },
    event_type: { type: "string", description: "The event type, e.g. `deal.won`" },
    timestamp: { type: "string", format: "date-time" },
    tenant_id: { type: "string" },
    data: { description: "The record the event is about, as the API shows it" },
    metadata: { ...ANY_OBJECT, description: "Context such as the previous stage" },
  },
});

/**
 * One event type's payload: the shared envelope by `$ref`, its `event_type`
 * fixed, and `data` typed by the entity where it has a schema.
 */
function payload(type: string, components: Record<string, Schema>): Schema {
  const entity = entityName(type);
  const data = components[entity] ? { $ref: `#/components/schemas/${entity}` } : ANY_OBJECT;
  return {
    allOf: [
      { $ref: `#/components/schemas/${EVENT_SCHEMA}` },
      {
        type: "object",
        required: ["event_type", "data"],
        properties: { event_type: { const: type }, data },
      },
    ],
  };
}

/** A delivery's operationId, a name in any language: `deal.stage_changed` → `dealStageChangedWebhook`. */
export const webhookOperationId = (type: string) =>
  `${type.replace(/[._]([a-z0-9])/g, (_, letter: string) => letter.toUpperCase())}Webhook`;

/** The OpenAPI 3.1 `webhooks` section: one signed POST per event type. */
export function webhookOperations(types: string[], components: Record<string, Schema>) {
  components[EVENT_SCHEMA] ??= eventSchema();
  return Object.fromEntries(
    types.map((type) => [
      type,
      {
        post: {
          operationId: webhookOperationId(type),
          summary: `${type} delivery`,
          description:
            "Sent to each active webhook subscribed to this event type. Verify the signature over the raw body before parsing; answer 2xx within the timeout, anything else is retried.",
          tags: ["webhooks"],
          security: [],
          parameters: SIGNATURE_REFS,
          requestBody: {
            required: true,
            content: { "application/json": { schema: payload(type, components) } },
          },
          responses: {
            "200": { description: "Received; any 2xx status counts" },
            "410": { description: "Gone: crmd disables the webhook" },
          },
        },
      },
    ]),
  );
}
