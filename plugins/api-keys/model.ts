import { t } from "elysia";
import { JsonInteger, RequiredText, StoredInteger } from "../../src/core";

export const ApiKey = t.Object({
  id: t.String({ format: "uuid" }),
  tenant_id: t.String(),
  name: t.String(),
  key_prefix: t.String({ description: "First characters of the key, to recognise it" }),
  permissions: t.Array(t.String()),
  rate_limit: t.Union([JsonInteger(), t.Null()], {
    description: "Requests per minute; null = server default",
  }),
  rate_limit_key_id: t.Union([t.String({ format: "uuid" }), t.Null()], {
    description:
      "A key made by a key: the key whose per-minute budget its requests also spend (its maker, or the key its maker shares), so minting keys multiplies no limit. null: made with the admin token or the CLI, a budget of its own",
  }),
  created_at: t.String({ format: "date-time" }),
  expires_at: t.Union([t.String({ format: "date-time" }), t.Null()]),
  last_used_at: t.Union([t.String({ format: "date-time" }), t.Null()]),
  revoked_at: t.Union([t.String({ format: "date-time" }), t.Null()]),
});

export const CreatedApiKey = t.Object({
  ...ApiKey.properties,
  key: t.String({ description: "The key itself. Shown only once: save it." }),
});

/** A key's longest lifetime when it expires at all (100 years). */
export const MAX_EXPIRES_IN_DAYS = 36500;

export const CreateApiKey = t.Object(
  {
    name: RequiredText({ maxLength: 200 }),
    permissions: t.Array(t.String(), {
      minItems: 1,
      description:
        "Scopes (`deals:read`, `webhooks:manage`, `keys:manage`, …) or seed 001's aliases `read`, `write`, `webhook`, `*`",
    }),
    expires_in_days: t.Optional(
      t.Union([JsonInteger({ minimum: 1, maximum: MAX_EXPIRES_IN_DAYS }), t.Null()], {
        description: "null = never expires",
      }),
    ),
    rate_limit: t.Optional(
      t.Union([StoredInteger({ minimum: 1 }), t.Null()], {
        description:
          "Requests per minute; null = server default. A key may grant at most its own limit, and the keys it makes also spend its budget (`rate_limit_key_id`)",
      }),
    ),
  },
  { examples: [{ name: "Reporting job", permissions: ["deals:read", "leads:read"] }] },
);

export const TenantQuery = t.Object({
  tenant_id: t.Optional(
    t.String({ description: "Tenant id or name (required with the admin token)" }),
  ),
});
