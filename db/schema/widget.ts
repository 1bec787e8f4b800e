import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { id, json, tenantId, timestamp } from "./columns";
import type { RetiringSecret } from "./webhooks";

/**
 * Publishable widget keys (`pk_…`): a website's chat widget calls the public
 * widget API with one. Stored as a SHA-256 hash like API keys; each key
 * signs its visitors' tokens with its own secret (sealed, since signing
 * needs it), so revoking the key ends every token it issued. Its identity
 * secret checks the site's `user_hash` (HMAC-SHA256 of a customer's
 * identifier), sealed too since checking needs it back.
 */
export const widgetKeys = sqliteTable(
  "widget_keys",
  {
    id: id(),
    tenantId: tenantId(),
    name: text("name").notNull(),
    keyHash: text("key_hash").notNull(),
    keyPrefix: text("key_prefix").notNull(),
    /** Origins (scheme://host[:port]) whose pages may call the widget API with this key. */
    allowedOrigins: json<string[]>("allowed_origins").notNull(),
    /** The widget's configuration, as GET /api/widget/settings returns it. */
    settings: json<Record<string, unknown>>("settings").notNull(),
    /** Requests per minute per visitor; null: the server's default. */
    visitorRateLimit: integer("visitor_rate_limit"),
    tokenSecret: text("token_secret").notNull(),
    /** Identity verification secret (sealed); null on keys made before identity verification. */
    identitySecret: text("identity_secret"),
    /** Identity secrets of earlier rotations, each verifying for 24 hours after it was replaced. */
    retiredIdentitySecrets: json<RetiringSecret[]>("retired_identity_secrets")
      .notNull()
      .default([]),
    /** Whether a visitor who names an email or external id must prove it with a user_hash. */
    identityVerificationRequired: integer("identity_verification_required", { mode: "boolean" })
      .notNull()
      .default(false),
    revokedAt: timestamp("revoked_at"),
    createdAt: timestamp("created_at").notNull(),
    updatedAt: timestamp("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("widget_keys_hash_idx").on(t.keyHash),
    index("widget_keys_tenant_idx").on(t.tenantId, t.createdAt),
  ],
);
