import { t } from "elysia";
import {
  changedThrough,
  HttpUrl,
  JsonInteger,
  pageQuery,
  RequiredText,
  TagList,
} from "../../src/core";

const Status = t.Union([t.Literal("open"), t.Literal("pending"), t.Literal("closed")], {
  description: "open, pending or closed",
});
const Priority = t.Union(
  [t.Literal("low"), t.Literal("medium"), t.Literal("high"), t.Literal("urgent")],
  { description: "low, medium, high or urgent" },
);
const Channel = t.Union(
  [t.Literal("chat"), t.Literal("email"), t.Literal("sms"), t.Literal("other")],
  { description: "chat, email, sms or other" },
);
const Author = t.Union([t.Literal("agent"), t.Literal("customer")], {
  description: "Who wrote it: an agent or the customer",
});
const Time = t.String({ format: "date-time" });
const TimeInput = t.String({ description: "ISO 8601 timestamp" });
const Teammate = RequiredText({ maxLength: 200 });

export const Conversation = t.Object({
  id: t.String({ format: "uuid" }),
  customer_id: t.String({ description: "The customer: a contact of this tenant" }),
  status: Status,
  assignee: t.Nullable(t.String()),
  priority: Priority,
  channel: Channel,
  subject: t.Nullable(t.String()),
  tags: t.Array(t.String()),
  shared_with: t.Array(t.String(), { description: "Teammates it is shared with" }),
  archived: t.Boolean(),
  archived_at: t.Nullable(Time),
  last_message_at: t.Nullable(Time),
  unread_count: JsonInteger({ description: "Customer messages not seen yet" }),
  visitor_identity: t.Nullable(
    t.Union([t.Literal("verified"), t.Literal("unverified")], {
      description:
        "Opened through the widget by a visitor whose identity was proven (verified) or only claimed (unverified: the customer may not have written it); null: opened by the team or a channel",
    }),
  ),
  customer_address: t.Nullable(
    t.String({
      description:
        "An email or SMS conversation: the customer's address or number (E.164) it is with, where agents' replies go; null: the contact's primary email or first valid phone number",
    }),
  ),
  participants: t.Array(
    t.Object({
      email: t.String({ description: "Their address, lower case" }),
      contact_id: t.Nullable(
        t.String({ description: "The contact having that address; null while none has" }),
      ),
    }),
    {
      description:
        "An email conversation: the others on its thread (From, To and Cc of its received emails, not the customer, not the team's own addresses), in the order they appeared. A reply from one of them joins the conversation; agents' replies Cc them",
    },
  ),
  created_at: Time,
  updated_at: Time,
  deleted_at: t.Nullable(Time),
});

const editable = {
  status: t.Optional(Status),
  assignee: t.Optional(t.Nullable(Teammate)),
  priority: t.Optional(Priority),
  subject: t.Optional(t.Nullable(RequiredText({ maxLength: 500 }))),
  tags: t.Optional(TagList),
};

/** Fields the conversation's actions set: a body naming one is told which. */
const actions = {
  archived: "is changed with POST /conversations/{id}/archive and /unarchive",
  archived_at: "is set with POST /conversations/{id}/archive",
  shared_with: "is added to with POST /conversations/{id}/share",
};

/** An agent keeps (or removes) the thread's participants; nobody new is added this way. */
const Participants = t.Array(
  t.Object({
    email: t.String({ maxLength: 320, description: "A participant's address (any case)" }),
    contact_id: t.Optional(t.Nullable(t.String({ description: "Ignored: as the view shows it" }))),
  }),
  {
    maxItems: 500,
    description:
      "The participants to keep on the thread: those left out are removed (no longer Cc'd; their replies open their own conversation; later emails naming them do not add them back). Each must be a participant of the conversation, or one removed before (it comes back). A PUT without it keeps them",
  },
);

export const CreateConversation = changedThrough(
  t.Object({
    customer_id: t.String({ minLength: 1, description: "A contact of this tenant" }),
    channel: t.Optional(Channel),
    customer_address: t.Optional(
      t.String({
        minLength: 3,
        maxLength: 320,
        description:
          "An email or sms conversation: the customer's address or number (any international format, stored in E.164) agents' replies go to; default: the contact's primary email or first valid phone number",
      }),
    ),
    ...editable,
  }),
  {
    ...actions,
    participants: "come from the thread's emails; PATCH /conversations/{id} removes them",
  },
);

export const UpdateConversation = changedThrough(
  t.Object({ ...editable, participants: t.Optional(Participants) }),
  actions,
);

/**
 * What a PUT (seed 003's full replacement) empties a left-out field to,
 * beyond null and []. Participants come from the thread, not from the team:
 * a PUT that leaves them out keeps them.
 */
export const conversationDefaults = { status: "open", priority: "medium", participants: undefined };

export const ShareConversation = t.Object({
  teammate: Teammate,
});

export const ConversationListQuery = t.Object({
  ...pageQuery,
  status: t.Optional(Status),
  assignee: t.Optional(t.String()),
  customer_id: t.Optional(t.String()),
  channel: t.Optional(Channel),
  priority: t.Optional(Priority),
  tags: t.Optional(
    t.String({ description: "Comma-separated: conversations carrying all of them" }),
  ),
  unread: t.Optional(
    t.Boolean({ description: "true: with unseen customer messages; false: without" }),
  ),
  archived: t.Optional(
    t.Boolean({ description: "true: archived only; false: not archived (default: both)" }),
  ),
  unassigned: t.Optional(
    t.Boolean({ description: "true: without an assignee; false: with one (default: both)" }),
  ),
  sort: t.Optional(
    t.Union(
      [
        t.Literal("-created_at"),
        t.Literal("created_at"),
        t.Literal("-last_message_at"),
        t.Literal("last_message_at"),
      ],
      {
        description:
          "Order of the page, ties by id: `-created_at` newest opened first (default), `created_at`, `-last_message_at` latest activity first (the last message's sent_at, or the opening of a conversation without messages), `last_message_at` longest quiet first. `since` and `cursor` feeds go by change whatever it says",
      },
    ),
  ),
});

const Attachment = t.Object({
  url: HttpUrl,
  name: t.Optional(t.Nullable(t.String({ maxLength: 300 }))),
  mime_type: t.Optional(t.Nullable(t.String({ maxLength: 200, pattern: "^[\\w.+-]+/[\\w.+-]+$" }))),
});

export const Message = t.Object({
  id: t.String({ format: "uuid" }),
  conversation_id: t.String(),
  customer_id: t.String({ description: "The conversation's customer" }),
  author_type: Author,
  author_id: t.Nullable(t.String()),
  body: t.String(),
  attachments: t.Array(
    t.Object({ url: t.String(), name: t.Nullable(t.String()), mime_type: t.Nullable(t.String()) }),
  ),
  channel: Channel,
  external_id: t.Nullable(t.String()),
  sent_at: Time,
  seen_at: t.Nullable(Time),
  interaction_id: t.Nullable(
    t.String({
      description:
        "The email or SMS that carried the message (GET /interactions/{id}): received, or sent for an agent's reply",
    }),
  ),
  delivery_status: t.Nullable(
    t.Union(
      [
        t.Literal("queued"),
        t.Literal("sent"),
        t.Literal("delivered"),
        t.Literal("failed"),
        t.Literal("bounced"),
        t.Literal("not_sent"),
      ],
      {
        description:
          "An agent's reply in an email or SMS conversation: the state of the email or SMS sent for it (not_sent: no sender is configured, or the customer has no address; delivery_detail says why); null for other messages",
      },
    ),
  ),
  delivery_detail: t.Nullable(
    t.String({
      description: "Why the reply failed or was not sent, or the provider's last answer",
    }),
  ),
  created_at: Time,
  updated_at: Time,
  deleted_at: t.Nullable(Time),
});

const Body = RequiredText({ maxLength: 100_000 });
const Attachments = t.Array(Attachment, { maxItems: 20, description: "Links to files" });

/** A message as the HTTP route, the channel's `shout` and the widget take it. */
export const CreateMessage = t.Object({
  conversation_id: t.String({ minLength: 1 }),
  body: Body,
  author_type: t.Optional(Author),
  author_id: t.Optional(t.Nullable(t.String({ maxLength: 200 }))),
  attachments: t.Optional(Attachments),
  channel: t.Optional(Channel),
  external_id: t.Optional(
    t.String({
      minLength: 1,
      maxLength: 200,
      description: "The message's id in its channel: sending it again returns the first message",
    }),
  ),
  sent_at: t.Optional(TimeInput),
});

export const UpdateMessage = t.Object({
  body: t.Optional(Body),
  attachments: t.Optional(Attachments),
});

/** PUT (seed 003): the whole editable message; attachments left out are removed. */
export const ReplaceMessage = t.Object({ ...UpdateMessage.properties, body: Body });

export const MessageListQuery = t.Object({
  ...pageQuery,
  conversation_id: t.Optional(t.String()),
  customer_id: t.Optional(t.String()),
  author_type: t.Optional(Author),
  channel: t.Optional(Channel),
  unseen: t.Optional(t.Boolean({ description: "true: not seen yet; false: seen" })),
});

/** The seen position: a message id, in thread order (sent_at, ties by id). */
export const SeenUpTo = t.String({
  maxLength: 200,
  description:
    "The last message the reader was shown: marks the other side's unseen messages up to it in thread order (sent_at, ties by id), it included, none after it",
});

export const SeenInput = t.Object({
  message_ids: t.Optional(
    t.Array(t.String(), {
      maxItems: 500,
      description: "Messages to mark seen; default every unseen customer message",
    }),
  ),
  up_to: t.Optional(SeenUpTo),
});

export const SeenResult = t.Object({ seen: t.Array(Message) });
