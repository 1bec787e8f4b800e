import { t } from "elysia";
import { CustomFields, JsonInteger, RequiredText } from "../../src/core";
import { SeenUpTo } from "../conversations";

const Origin = t.String({
  pattern: "^https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?$",
  maxLength: 300,
  description: "scheme://host[:port], e.g. https://www.example.com",
  examples: ["https://www.example.com"],
});

const editable = {
  name: RequiredText({ maxLength: 200 }),
  allowed_origins: t.Array(Origin, {
    minItems: 1,
    maxItems: 50,
    description: "Pages on these origins may call the widget API with the key",
  }),
  settings: t.Optional(CustomFields),
  visitor_rate_limit: t.Optional(
    t.Nullable(
      JsonInteger({ minimum: 1, maximum: 100_000, description: "Requests per minute per visitor" }),
    ),
  ),
  identity_verification_required: t.Optional(
    t.Boolean({
      description:
        "true: a visitor who names an email or external_id must send its user_hash (anonymous visitors still may chat). Default false",
    }),
  ),
};

export const CreateWidgetKey = t.Object(editable, {
  examples: [
    {
      name: "Website chat",
      allowed_origins: ["https://www.example.com"],
      settings: { title: "Chat with us" },
    },
  ],
});
export const UpdateWidgetKey = t.Partial(t.Object(editable));

export const WidgetKeyView = t.Object({
  id: t.String(),
  name: t.String(),
  key_prefix: t.String({ description: "The key's first characters, for recognising it" }),
  allowed_origins: t.Array(t.String()),
  settings: CustomFields,
  visitor_rate_limit: t.Nullable(JsonInteger()),
  identity_verification_required: t.Boolean(),
  has_identity_secret: t.Boolean({
    description:
      "false only on keys made before identity verification existed: rotate-identity-secret gives one",
  }),
  previous_identity_secret_expires_at: t.Nullable(
    t.String({
      format: "date-time",
      description:
        "After a rotation: until then user_hash values made with earlier secrets still verify (each for 24 hours after the rotation that replaced it)",
    }),
  ),
  revoked_at: t.Nullable(t.String({ format: "date-time" })),
  created_at: t.String({ format: "date-time" }),
  updated_at: t.String({ format: "date-time" }),
});

const IdentitySecret = t.String({
  description:
    "The identity verification secret, shown only this once: your backend computes a visitor's user_hash as hex HMAC-SHA256(secret, external_id, or email when there is none). Never put it in a page",
});

export const CreatedWidgetKey = t.Object({
  ...WidgetKeyView.properties,
  key: t.String({ description: "The publishable key (pk_…), shown only this once" }),
  identity_secret: IdentitySecret,
});

export const RotatedIdentitySecret = t.Object({
  ...WidgetKeyView.properties,
  identity_secret: IdentitySecret,
});

export const WidgetKeyList = t.Object({ widget_keys: t.Array(WidgetKeyView) });

export const WidgetSettings = t.Object({ name: t.String(), settings: CustomFields });

export const WidgetIdentify = t.Object({
  email: t.Optional(t.String({ format: "email", maxLength: 320 })),
  name: t.Optional(RequiredText({ maxLength: 400 })),
  external_id: t.Optional(RequiredText({ maxLength: 200 })),
  user_hash: t.Optional(
    t.String({
      pattern: "^[0-9A-Fa-f]{64}$",
      description:
        "Proof of identity from your backend: hex HMAC-SHA256(the key's identity secret, external_id, or email when there is no external_id)",
    }),
  ),
});

export const VisitorSession = t.Object({
  customer_id: t.String(),
  verified: t.Boolean({
    description:
      "true: the identity was proven with user_hash; the token reads all the customer's conversations",
  }),
  visitor_token: t.String({ description: "vt_…: send as Authorization: Bearer" }),
  expires_at: t.String({ format: "date-time" }),
});

/** What a visitor sees of a conversation (no assignee, tags or internal sharing). */
export const WidgetConversation = t.Object({
  id: t.String(),
  status: t.String(),
  subject: t.Nullable(t.String()),
  last_message_at: t.Nullable(t.String({ format: "date-time" })),
  created_at: t.String({ format: "date-time" }),
});

export const OpenedConversation = t.Object({
  conversation: WidgetConversation,
  visitor_token: t.String({ description: "A token for this conversation: use it from now on" }),
  expires_at: t.String({ format: "date-time" }),
});

export const WidgetConversations = t.Object({ conversations: t.Array(WidgetConversation) });

export const OpenConversation = t.Object({
  subject: t.Optional(t.String({ maxLength: 500 })),
  body: t.Optional(RequiredText({ maxLength: 100_000, description: "A first message" })),
});

export const WidgetMessage = t.Object({
  id: t.String(),
  author_type: t.String(),
  body: t.String(),
  attachments: t.Array(
    t.Object({ url: t.String(), name: t.Nullable(t.String()), mime_type: t.Nullable(t.String()) }),
  ),
  sent_at: t.String({ format: "date-time" }),
  seen_at: t.Nullable(t.String({ format: "date-time" })),
});

export const WidgetMessages = t.Object({ messages: t.Array(WidgetMessage) });

export const WidgetSeen = t.Object({ up_to: t.Optional(SeenUpTo) });

export const SendWidgetMessage = t.Object({
  body: RequiredText({ maxLength: 100_000 }),
});
