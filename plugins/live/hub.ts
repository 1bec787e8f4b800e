import type { AppContext, Scope } from "../../src/core";
import type { ConversationView, MessageView } from "../conversations";
import { outboxTail, type TailEvent } from "../events";
import { widgetConversation, widgetMessage } from "../widget";
import { broadcast } from "./protocol";

/** What the hub needs of a socket: send a text frame, and say what its principal in a topic may read. */
export interface Member {
  send(text: string): void;
  /** Whether the member's principal in `topic` holds `scope` now (a visitor reads its own conversation). */
  holds(topic: string, scope: Scope): boolean;
  /**
   * Whether the member's visitor in `topic` may get this event: an event
   * of another customer's conversation (it moved to the customer that
   * proved its identity) closes the topic instead.
   */
  admits(topic: string, customerId: string | undefined): boolean;
}

/** Who a member is in a topic: the support team, or a widget visitor who sees only what the widget API shows. */
export type Audience = "team" | "visitor";

/**
 * The channel events an outbox event becomes, by topic, with the payload
 * visitors get when it differs and the customer whose visitors may get it. Message events reach only members that may
 * read messages, as GET /messages needs messages:read.
 */
function channelMessages(
  event: TailEvent,
): Array<
  [topic: string, event: string, payload: unknown, visitorPayload?: unknown, customerId?: string]
> {
  const { data } = JSON.parse(event.body) as { data: Record<string, unknown> };
  const forVisitor = event.eventType.startsWith("message.")
    ? widgetMessage(data as unknown as MessageView)
    : widgetConversation(data as unknown as ConversationView);
  const conversation = `conversation:${data.conversation_id ?? data.id}`;
  const notification = `notification:${event.tenantId}`;
  const customer = typeof data.customer_id === "string" ? data.customer_id : undefined;
  switch (event.eventType) {
    case "message.created":
      return [
        [conversation, "shout", data, forVisitor, customer],
        [notification, "message:created", data],
      ];
    case "message.updated":
      return [[conversation, "message:updated", data, forVisitor, customer]];
    case "message.deleted":
      return [[conversation, "message:deleted", data, forVisitor, customer]];
    case "message.seen":
      return [
        [
          conversation,
          "messages:seen",
          { conversation_id: data.conversation_id, message_ids: [data.id], seen_at: data.seen_at },
          undefined,
          customer,
        ],
      ];
    case "conversation.created":
      return [[notification, "conversation:created", data]];
    case "conversation.updated":
    case "conversation.archived":
    case "conversation.identity_verified":
      return [
        [conversation, "conversation:updated", data, forVisitor, customer],
        [notification, "conversation:updated", data],
      ];
    default:
      return [];
  }
}

const RELAYED = /^(message|conversation)\./;

export interface BroadcastOptions {
  /** The member that sent it, which does not get it back. */
  except?: Member;
  /** What visitors get instead of the payload. */
  visitorPayload?: unknown;
  /** The scope a team member needs to get it. */
  needs?: Scope;
  /** The customer of the conversation the event is of: only that customer's visitors get it. */
  customerId?: string;
}

/**
 * Topic membership of this instance's sockets, and the relay from the
 * outbox to them: every committed conversation or message event, whichever
 * instance wrote it, reaches the sockets joined to its topics here. Topics
 * carry ids that are only valid inside one tenant, so a topic's members are
 * all of one tenant (checked at join).
 */
export class ChannelHub {
  private readonly topics = new Map<string, Map<Member, Audience>>();
  private relaying: Promise<void> | null = null;

  constructor(private readonly ctx: AppContext) {}

  /** Starts relaying outbox events (once, on the first join; again on the next join if it failed). */
  relay(): Promise<void> {
    this.relaying ??= outboxTail(this.ctx).then(
      (tail) => {
        tail.subscribe({ deliver: (events) => this.deliver(events), close: () => {} });
      },
      (error) => {
        this.relaying = null;
        throw error;
      },
    );
    return this.relaying;
  }

  join(topic: string, member: Member, audience: Audience) {
    let members = this.topics.get(topic);
    if (!members) {
      members = new Map();
      this.topics.set(topic, members);
    }
    members.set(member, audience);
  }

  leave(topic: string, member: Member) {
    const members = this.topics.get(topic);
    members?.delete(member);
    if (members?.size === 0) this.topics.delete(topic);
  }

  /**
   * Sends to every member of `topic` but `except` that holds `needs`; each
   * audience's frame is encoded once.
   */
  broadcast(
    topic: string,
    event: string,
    payload: unknown,
    { except, visitorPayload = payload, needs, customerId }: BroadcastOptions = {},
  ) {
    const members = this.topics.get(topic);
    if (!members) return;
    const text = broadcast(topic, event, payload);
    // Encoded only when a visitor is there: most topics have none.
    let visitorText: string | undefined;
    for (const [member, audience] of members) {
      if (member === except || (needs && !member.holds(topic, needs))) continue;
      if (audience === "team") {
        member.send(text);
        continue;
      }
      if (!member.admits(topic, customerId)) continue;
      visitorText ??= broadcast(topic, event, visitorPayload);
      member.send(visitorText);
    }
  }

  private deliver(events: TailEvent[]) {
    for (const event of events) {
      if (!RELAYED.test(event.eventType)) continue;
      const needs = event.eventType.startsWith("message.") ? "messages:read" : undefined;
      for (const [topic, name, payload, visitorPayload, customerId] of channelMessages(event))
        if (this.topics.has(topic))
          this.broadcast(topic, name, payload, { visitorPayload, needs, customerId });
    }
  }
}
