import type { AppContext, CredentialEnd, Revocations, Scope } from "../../src/core";
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
   * Whether the member's principal in `topic` may get this event: its token
   * has not ended (a key's expiry, a visitor token's expiry or the end of its
   * proving secret, the revocation of its API key or widget key as this
   * instance knows it) and, for a visitor, when the conversation moved to the
   * verified customer `movedTo` (a visitor proved its identity), it still
   * reads it. A member that may not has the topic closed instead.
   */
  admits(topic: string, movedTo: string | undefined): boolean;
  /** When the member's token in `topic` ends (null: not joined). */
  endOf(topic: string): CredentialEnd | null;
}

/** Who a member is in a topic: the support team, or a widget visitor who sees only what the widget API shows. */
export type Audience = "team" | "visitor";

/**
 * The channel events an outbox event becomes, by topic, with the payload
 * visitors get when it differs, and the customer a conversation moved to.
 * Message events reach only members that may read messages, as GET
 * /messages needs messages:read.
 */
type ChannelMessage = [
  topic: string,
  event: string,
  payload: unknown,
  visitorPayload?: unknown,
  movedTo?: string,
];

function channelMessages(event: TailEvent): ChannelMessage[] {
  const { data } = JSON.parse(event.body) as { data: Record<string, unknown> };
  const forVisitor = event.eventType.startsWith("message.")
    ? widgetMessage(data as unknown as MessageView)
    : widgetConversation(data as unknown as ConversationView);
  const conversation = `conversation:${data.conversation_id ?? data.id}`;
  const notification = `notification:${event.tenantId}`;
  switch (event.eventType) {
    case "message.created":
      return [
        [conversation, "shout", data, forVisitor],
        [notification, "message:created", data],
      ];
    case "message.updated":
      return [[conversation, "message:updated", data, forVisitor]];
    case "message.deleted":
      return [[conversation, "message:deleted", data, forVisitor]];
    case "message.seen":
      return [
        [
          conversation,
          "messages:seen",
          { conversation_id: data.conversation_id, message_ids: [data.id], seen_at: data.seen_at },
        ],
      ];
    case "conversation.created":
      return [[notification, "conversation:created", data]];
    case "conversation.updated":
    case "conversation.archived":
    case "conversation.unarchived":
      return [
        [conversation, "conversation:updated", data, forVisitor],
        [notification, "conversation:updated", data],
      ];
    case "conversation.identity_verified":
      return [
        [conversation, "conversation:updated", data, forVisitor, data.customer_id as string],
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
  /** Members whose credentials' revocations these are get nothing (whether they hold is not known now). */
  unread?: ReadonlySet<Revocations>;
  /** What visitors get instead of the payload. */
  visitorPayload?: unknown;
  /** The scope a team member needs to get it. */
  needs?: Scope;
  /** The verified customer the conversation moved to: visitors that no longer read it get nothing. */
  movedTo?: string;
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
   * Sends to every member of `topic` but `except` that holds `needs` and
   * whose token has not ended; each audience's frame is encoded once.
   */
  broadcast(
    topic: string,
    event: string,
    payload: unknown,
    { except, visitorPayload = payload, needs, movedTo, unread }: BroadcastOptions = {},
  ) {
    const members = this.topics.get(topic);
    if (!members) return;
    const text = broadcast(topic, event, payload);
    // Encoded only when a visitor is there: most topics have none.
    let visitorText: string | undefined;
    for (const [member, audience] of members) {
      if (member === except || (needs && !member.holds(topic, needs))) continue;
      const revocations = unread?.size ? member.endOf(topic)?.revocations : undefined;
      if (revocations && unread?.has(revocations)) continue;
      if (!member.admits(topic, movedTo)) continue;
      if (audience === "team") {
        member.send(text);
        continue;
      }
      visitorText ??= broadcast(topic, event, visitorPayload);
      member.send(visitorText);
    }
  }

  /** Batches handed to the sockets one after the other, in commit order. */
  private delivering: Promise<void> = Promise.resolve();

  private deliver(events: TailEvent[]) {
    const messages = events
      .filter((event) => RELAYED.test(event.eventType))
      .flatMap((event) => {
        const needs: Scope | undefined = event.eventType.startsWith("message.")
          ? "messages:read"
          : undefined;
        return channelMessages(event).map((message) => ({ message, needs }));
      })
      .filter(({ message }) => this.topics.has(message[0]));
    if (messages.length === 0) return;
    this.delivering = this.delivering
      .then(() => this.deliverChecked(messages))
      .catch((error) => this.ctx.logger.error("live relay failed", { error }));
  }

  /**
   * Sends a batch once the revocations of its members' API keys and widget
   * keys committed before it (on any instance) are known: a member whose key
   * was revoked before an event was committed never gets that event. When
   * they cannot be read, those members get none of the batch (they read it
   * again over HTTP once their key is confirmed).
   */
  private async deliverChecked(messages: Array<{ message: ChannelMessage; needs?: Scope }>) {
    const ids = new Map<Revocations, Set<string>>();
    for (const { message } of messages)
      for (const member of this.topics.get(message[0])?.keys() ?? []) {
        const end = member.endOf(message[0]);
        if (!end) continue;
        let set = ids.get(end.revocations);
        if (!set) {
          set = new Set();
          ids.set(end.revocations, set);
        }
        set.add(end.id);
      }
    const unread = new Set<Revocations>();
    await Promise.all(
      [...ids].map(([revocations, keys]) =>
        revocations.read(keys).catch((error) => {
          unread.add(revocations);
          this.ctx.logger.warn("live relay could not read key revocations", { error });
        }),
      ),
    );
    for (const { message, needs } of messages) {
      const [topic, name, payload, visitorPayload, movedTo] = message;
      this.broadcast(topic, name, payload, { visitorPayload, needs, movedTo, unread });
    }
  }
}
