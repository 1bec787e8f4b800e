import { type Static, t } from "elysia";
import { HttpUrl, JsonInteger, ONE_OF, pageQuery, RequiredText } from "../../src/core";

/** What the timeline lists: this plugin's emails, SMS and calls, plus notes and calendar meetings. */
const TimelineTypeSchema = t.Union([
  t.Literal("note"),
  t.Literal("email"),
  t.Literal("sms"),
  t.Literal("call"),
  t.Literal("meeting"),
]);
export type TimelineType = Static<typeof TimelineTypeSchema>;
const Direction = t.Union([t.Literal("inbound"), t.Literal("outbound")]);

const nullableString = t.Nullable(t.String());
const time = t.Nullable(t.String({ format: "date-time" }));

/** One entry of the timeline; an email, SMS or call is also readable on its own (GET /interactions/{id}). */
export const Interaction = t.Object({
  id: t.String({ format: "uuid" }),
  type: TimelineTypeSchema,
  direction: t.Nullable(Direction),
  status: t.Nullable(
    t.String({
      description:
        "email / sms: queued, sent, delivered, failed, received, bounced (email: every recipient bounced); call: in_progress, completed; note: the note's status; meeting: confirmed, tentative, cancelled",
    }),
  ),
  contact_id: nullableString,
  company_id: nullableString,
  deal_id: nullableString,
  from: t.Nullable(t.String({ description: "Sender address or number" })),
  to: t.Array(t.String()),
  cc: t.Array(t.String()),
  bcc: t.Array(t.String()),
  reply_to: nullableString,
  subject: t.Nullable(t.String({ description: "Email subject or meeting title" })),
  text: t.Nullable(t.String({ description: "Plain text body, call notes, note text" })),
  html: nullableString,
  message_id: t.Nullable(t.String({ description: "Email Message-ID (without <>)" })),
  in_reply_to: nullableString,
  references: t.Array(t.String()),
  thread_id: t.Nullable(t.String({ description: "Id of the interaction that started the thread" })),
  attachments: t.Array(t.String({ description: "Document id" })),
  bounced_recipients: t.Array(t.String(), {
    description:
      "Email: recipients a bounce (delivery status notification) reported as undeliverable; crmd sends them nothing more",
  }),
  provider_id: t.Nullable(
    t.String({
      description:
        "The provider's message id: Twilio's SID; for an email, the id the SMTP relay gave it when it names one (Amazon SES replaces the Message-ID with its own), which replies threading to the email may quote",
    }),
  ),
  provider_response: t.Nullable(
    t.String({ description: "The server's last answer (SMTP reply, provider status, error)" }),
  ),
  attempts: JsonInteger(),
  occurred_at: t.String({ format: "date-time" }),
  sent_at: time,
  ended_at: time,
  duration_seconds: t.Nullable(JsonInteger()),
  outcome: nullableString,
  recording_url: nullableString,
  created_at: t.String({ format: "date-time" }),
  updated_at: t.String({ format: "date-time" }),
  deleted_at: time,
});
export type InteractionView = Static<typeof Interaction>;

const hiddenLink = (record: string) =>
  t.Optional(
    t.Nullable(
      t.String({
        description: `The ${record} the interaction is linked to; left out of the answer for a key holding neither interactions:read nor contacts:read (crmd may have found it from the contact or the address)`,
      }),
    ),
  );

/**
 * The answer to a send or a call write: the interaction, whose contact and
 * company links are left out for a key that reads neither interactions nor
 * contacts (plugins/interactions/index.ts `answerTo`).
 */
export const WrittenInteraction = t.Object({
  ...Interaction.properties,
  contact_id: hiddenLink("contact"),
  company_id: hiddenLink("company"),
});

const recordId = (record: string) =>
  t.Optional(t.String({ description: `Only interactions linked to this ${record}` }));

export const TimelineQuery = t.Object({
  ...pageQuery,
  contact_id: recordId("contact"),
  company_id: recordId("company"),
  deal_id: recordId("deal"),
  type: t.Optional(TimelineTypeSchema),
});
export type TimelineQueryParams = Static<typeof TimelineQuery>;

const CallOutcome = t.Union([
  t.Literal("answered"),
  t.Literal("no_answer"),
  t.Literal("busy"),
  t.Literal("voicemail"),
  t.Literal("failed"),
  t.Literal("cancelled"),
]);
const when = (what: string) => t.String({ format: "date-time", description: what });

const callFields = {
  ended_at: t.Optional(when("When the call ended; emits call.ended")),
  duration_seconds: t.Optional(
    JsonInteger({
      minimum: 0,
      maximum: 7 * 24 * 3600,
      description: "Default: ended_at − started_at",
    }),
  ),
  outcome: t.Optional(CallOutcome),
  recording_url: t.Optional(HttpUrl),
  notes: t.Optional(t.String({ maxLength: 100_000 })),
};

export const CreateCall = t.Object({
  direction: Direction,
  from: RequiredText({ maxLength: 64, description: "Calling number or extension" }),
  to: RequiredText({ maxLength: 64, description: "Called number or extension" }),
  contact_id: t.Optional(t.String()),
  company_id: t.Optional(t.String({ description: "Default: the contact's company" })),
  deal_id: t.Optional(t.String()),
  started_at: t.Optional(when("When the call started; default now")),
  ...callFields,
});
export type CreateCallBody = Static<typeof CreateCall>;

/** Ending a call in progress, or correcting a logged one. */
export const UpdateCall = t.Object(callFields);
export type UpdateCallBody = Static<typeof UpdateCall>;

const Email = t.String({ format: "email", maxLength: 320 });
const Addresses = t.Array(Email, { minItems: 1, maxItems: 50 });
/** Recipients: one address (seed 002's `to: string`) or a list of them. */
const OneOrMoreAddresses = t.Union([Email, Addresses], {
  [ONE_OF]: true,
  description: "One address, or a list of 1 to 50",
});

export const SendEmail = t.Object(
  {
    contact_id: t.Optional(
      t.String({ description: "Recipient contact: `to` defaults to their email" }),
    ),
    to: t.Optional(OneOrMoreAddresses),
    cc: t.Optional(Addresses),
    bcc: t.Optional(Addresses),
    from: t.Optional(
      t.String({
        minLength: 3,
        maxLength: 320,
        description: "An address, or `Name <address>`; default: CRMD_EMAIL_FROM",
      }),
    ),
    reply_to: t.Optional(Email),
    subject: RequiredText({ maxLength: 998 }),
    text: t.Optional(t.String({ maxLength: 1_000_000 })),
    html: t.Optional(t.String({ maxLength: 1_000_000 })),
    attachments: t.Optional(
      t.Array(t.String({ description: "An uploaded document's id" }), { maxItems: 20 }),
    ),
    variables: t.Optional(
      t.Record(t.String({ pattern: "^[\\w.]+$" }), t.Union([t.String(), t.Number()]), {
        description:
          "Values for `{{ name }}` placeholders in subject, text and html (escaped in html); `contact.first_name`, `contact.last_name`, `contact.email` and `contact.title` come from the contact",
      }),
    ),
    company_id: t.Optional(t.String({ description: "Default: the contact's company" })),
    deal_id: t.Optional(t.String()),
    in_reply_to: t.Optional(
      t.String({
        description:
          "Id of the email interaction this answers: sets In-Reply-To and References and joins its thread",
      }),
    ),
  },
  {
    examples: [
      {
        to: ["ada@example.com"],
        from: "Sales <sales@example.com>",
        subject: "Your quote",
        text: "Hello Ada, …",
      },
    ],
  },
);
export type SendEmailBody = Static<typeof SendEmail>;

export const InboundSecret = t.Object({
  secret: t.String({ description: "Shown only this once" }),
  created_at: t.String({ format: "date-time" }),
});

/** The most addresses and domains one tenant lists as its own. */
export const MAX_TEAM_ADDRESSES = 200;

/** The team's own email addresses and domains, as set and as read. */
export const TeamAddressList = t.Object(
  {
    addresses: t.Array(t.String({ minLength: 1, maxLength: 320 }), {
      maxItems: MAX_TEAM_ADDRESSES,
      description:
        "The team's own mailboxes: addresses (`support@acme.com`) and whole domains (`@acme.com`), any case; stored lower case, each once, in the order given. They are never participants of an email conversation nor Cc'd on agents' replies, and an email from one of them in a conversation's thread is recorded as the team's message, not the customer's. CRMD_EMAIL_FROM is always the team's. An entry that is neither is 422 at its place",
    }),
  },
  { examples: [{ addresses: ["support@acme.com", "sales@acme.com", "@acme.com"] }] },
);

export const SendSms = t.Object(
  {
    contact_id: t.Optional(
      t.String({
        description: "Recipient contact: `to` defaults to their first valid phone number",
      }),
    ),
    to: t.Optional(
      t.String({ minLength: 3, maxLength: 32, description: "E.164, e.g. +14155550123" }),
    ),
    from: t.Optional(
      t.String({
        minLength: 3,
        maxLength: 32,
        description:
          "Sender number: one of the tenant's SMS numbers (default its first), or CRMD_SMS_FROM for a tenant with none",
      }),
    ),
    body: RequiredText({ maxLength: 800 }),
    company_id: t.Optional(t.String({ description: "Default: the contact's company" })),
    deal_id: t.Optional(t.String()),
  },
  {
    examples: [
      { to: "+14155550123", from: "+14155550100", body: "Your demo is confirmed for 10:00." },
    ],
  },
);
export type SendSmsBody = Static<typeof SendSms>;

/** The tenant a provider's webhook URL is for (its signature covers the URL). */
export const TenantParams = t.Object({ tenant_id: t.String() });

/** The SMS a status callback is about, named in the URL crmd gave Twilio with it. */
export const StatusCallbackQuery = t.Object({
  interaction_id: t.Optional(
    t.String({ description: "The SMS interaction (its SID may not be recorded yet)" }),
  ),
});
