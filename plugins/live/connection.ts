import type { TSchema } from "@sinclair/typebox";
import { type TypeCheck, TypeCompiler } from "@sinclair/typebox/compiler";
import { t } from "elysia";
import {
  ApiError,
  type AppContext,
  type CredentialEnd,
  consumeKeyRateLimit,
  consumeRateLimit,
  credentialEnded,
  type FieldError,
  type Logger,
  type Scope,
  unknownFields,
  type ValueErrorLike,
  valueFieldErrors,
  writeScope,
} from "../../src/core";
import { getContact } from "../contacts";
import {
  type ConversationRow,
  CreateMessage,
  conversationOfVisitor,
  findConversation,
  insertMessage,
  markSeen,
  messageView,
  replySenderOf,
  SeenUpTo,
} from "../conversations";
import { SendWidgetMessage, widgetMessage } from "../widget";
import {
  type ChannelPrincipal,
  channelPrincipal,
  currentPrincipal,
  originAllowed,
  readsConversations,
} from "./auth";
import type { ChannelHub, Member } from "./hub";
import type { Audience, Meta, Presence, PresenceTracker } from "./presence";
import { encode, type Frame, parseFrame, reply, SYSTEM_TOPIC } from "./protocol";

/** Largest payload a push may carry (a message body is at most 100,000 characters). */
export const MAX_PAYLOAD_BYTES = 256 * 1024;

/** Sent along by seed 003's widget; ignored: a message's customer is always its conversation's. */
const SeedCustomerId = t.Optional(t.String({ maxLength: 200 }));

/**
 * Checks of the pushes that carry data: an agent's `shout` (a message as
 * POST /messages takes it, in the joined conversation, plus the
 * `customer_id` seed 003's widget sends along), a visitor's (what the
 * widget's POST messages takes, a body, plus the `customer_id` and `sent_at`
 * seed 003's widget sends along) and `messages:seen`. Unknown fields are
 * refused as the HTTP routes refuse them, stated here: Elysia marks a
 * route's schema closed only once the route first runs. Compiled with the
 * first push, not at start.
 */
const compilePushChecks = () => ({
  shout: TypeCompiler.Compile(
    t.Object(
      {
        ...t.Omit(CreateMessage, ["conversation_id", "author_type"]).properties,
        customer_id: SeedCustomerId,
      },
      { additionalProperties: false },
    ),
  ),
  visitorShout: TypeCompiler.Compile(
    t.Object(
      {
        ...SendWidgetMessage.properties,
        customer_id: SeedCustomerId,
        // Ignored: the server stamps a visitor's message (a time of its own would reorder the thread).
        sent_at: CreateMessage.properties.sent_at,
      },
      { additionalProperties: false },
    ),
  ),
  seen: TypeCompiler.Compile(
    t.Object({
      message_ids: t.Optional(t.Array(t.String(), { maxItems: 500 })),
      up_to: t.Optional(SeenUpTo),
    }),
  ),
});
let compiledPushChecks: ReturnType<typeof compilePushChecks> | undefined;
function pushChecks() {
  compiledPushChecks ??= compilePushChecks();
  return compiledPushChecks;
}

interface Joined {
  joinRef: string | null;
  principal: ChannelPrincipal;
  /** conversation topics only: the conversation and this socket's presence. */
  conversationId?: string;
  presence?: Presence;
  /** The name this socket's typing indicators carry, as each audience sees it. */
  typingNames?: Record<Audience, string>;
}

type Shows = Pick<Joined, "presence" | "typingNames">;

class ChannelError extends Error {}

/**
 * A push whose payload breaks its schema: the reason names the first field,
 * `errors` all of them, as a 422 does (fields the push does not take first,
 * named as the HTTP routes name them).
 */
class PayloadError extends ChannelError {
  readonly errors: FieldError[];
  constructor(check: TypeCheck<TSchema>, payload: unknown) {
    const unknown = unknownFields(check.Schema(), payload);
    const errors = unknown.length
      ? unknown
      : valueFieldErrors([...check.Errors(payload)] as ValueErrorLike[]);
    super(`invalid payload: ${errors[0].path} ${errors[0].message}`);
    this.errors = errors;
  }
}

export interface ChannelServices {
  ctx: AppContext;
  hub: ChannelHub;
  presence: PresenceTracker;
  logger: Logger;
}

/**
 * One WebSocket speaking Phoenix Channels: joins, leaves, heartbeats and
 * pushes, handled one frame at a time in arrival order. A bad frame gets an
 * error reply and the socket stays open.
 */
export class Connection implements Member {
  private readonly joined = new Map<string, Joined>();
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly services: ChannelServices,
    private readonly socket: { send(text: string): unknown },
    /** The principal of the socket's connect params, if it gave a token. */
    private principal: ChannelPrincipal | null,
    /** The page's Origin at the upgrade (browsers send it). */
    private readonly origin: string | null,
  ) {}

  send(text: string) {
    this.socket.send(text);
  }

  holds(topic: string, scope: Scope) {
    const principal = this.joined.get(topic)?.principal;
    return principal !== undefined && (principal.kind === "visitor" || principal.scopes.has(scope));
  }

  admits(topic: string, movedTo: string | undefined) {
    const joined = this.joined.get(topic);
    const principal = joined?.principal;
    if (!principal) return false;
    const ended = credentialEnded(principal.end, this.services.ctx.clock.now().getTime());
    // A conversation now verified on `movedTo` is read by that customer's verified visitors, and
    // by a token that names it and is of that customer (as conversationOfVisitor decides).
    const reads =
      principal.kind === "key" ||
      movedTo === undefined ||
      (principal.customerId === movedTo &&
        (principal.verified || principal.conversationId === joined?.conversationId));
    if (!ended && reads) return true;
    this.close(topic, "unauthorized");
    return false;
  }

  endOf(topic: string): CredentialEnd | null {
    return this.joined.get(topic)?.principal.end ?? null;
  }

  /** Queues a frame behind the ones before it (a push right after a join sees the join done). */
  receive(message: unknown) {
    this.queue = this.queue.then(() => this.handle(message));
  }

  private async handle(message: unknown) {
    const parsed = parseFrame(message);
    if ("error" in parsed)
      return this.send(reply(parsed.partial, "error", { reason: parsed.error }));
    const { frame } = parsed;
    try {
      this.send(reply(frame, "ok", await this.dispatch(frame)));
    } catch (error) {
      return this.send(reply(frame, "error", this.errorResponse(error)));
    }
    if (frame.event === "phx_join") this.announcePresence(frame);
  }

  /**
   * After a conversation join's reply, as Phoenix does it: the joiner gets the
   * state without itself, then everyone the diff with its join.
   */
  private announcePresence(frame: Frame) {
    const joined = this.joined.get(frame.topic);
    if (!joined?.presence) return;
    const { hub, presence: tracker } = this.services;
    const state = tracker.state(frame.topic, audienceOf(joined.principal));
    this.send(encode(frame.joinRef, null, frame.topic, "presence_state", state));
    const diff = tracker.track(frame.topic, joined.presence);
    hub.broadcast(frame.topic, "presence_diff", diff.team, { visitorPayload: diff.visitor });
  }

  private errorResponse(error: unknown) {
    if (error instanceof PayloadError)
      return { reason: error.message, code: "VALIDATION_ERROR", errors: error.errors };
    if (error instanceof ChannelError) return { reason: error.message };
    if (error instanceof ApiError) {
      // Over a rate limit, when to try again: what an HTTP 429's Retry-After says.
      const retryAfter = error.headers?.["retry-after"];
      return {
        reason: error.message,
        code: error.code,
        errors: error.errors,
        ...(retryAfter === undefined ? {} : { retry_after: Number(retryAfter) }),
      };
    }
    this.services.logger.error("channel push failed", { error });
    return { reason: "internal error" };
  }

  private async dispatch(frame: Frame): Promise<unknown> {
    if (frame.topic === SYSTEM_TOPIC && frame.event === "heartbeat") return {};
    if (frame.event === "phx_join") return this.join(frame);
    const joined = this.joined.get(frame.topic);
    if (!joined) throw new ChannelError("unmatched topic");
    if (frame.event === "phx_leave") return this.leave(frame.topic);
    if (JSON.stringify(frame.payload).length > MAX_PAYLOAD_BYTES)
      throw new ChannelError("payload too large");
    if (!joined.conversationId) throw new ChannelError("unknown event");
    // The key's scopes as they are now: one that lost messages:write pushes no more.
    const principal = await this.current(joined.principal);
    if (!principal || !readsConversations(principal)) throw new ChannelError("unauthorized");
    joined.principal = principal;
    // A visitor's every push spends a budget: its typing indicators one of their own, so a
    // customer typing a long answer never has its message refused for them; its writes the
    // one its HTTP requests spend. A key's writes spend its budget (typing stores nothing,
    // and a team often shares one key).
    if (principal.kind === "visitor")
      await consumeRateLimit(
        this.services.ctx,
        "widget_visitor",
        frame.event === "typing" ? `${principal.rateBucket}:typing` : principal.rateBucket,
        principal.rateLimit,
        {},
      );
    else if (frame.event !== "typing")
      await consumeKeyRateLimit(this.services.ctx, principal.key, {});
    switch (frame.event) {
      case "shout":
        return this.shout(joined, frame.payload);
      case "typing":
        return this.typing(frame.topic, joined, frame.payload);
      case "messages:seen":
        return this.seen(joined, frame.payload);
      default:
        throw new ChannelError("unknown event");
    }
  }

  private async principalFor(payload: Record<string, unknown>) {
    if (typeof payload.token === "string") {
      const principal = await channelPrincipal(this.services.ctx, payload.token);
      if (!principal || !originAllowed(principal, this.origin))
        throw new ChannelError("unauthorized");
      return principal;
    }
    const current = this.principal && (await this.current(this.principal));
    if (!current) throw new ChannelError("unauthorized");
    this.principal = current;
    return current;
  }

  private current(principal: ChannelPrincipal) {
    return currentPrincipal(this.services.ctx, principal, this.origin);
  }

  /** How many topics the socket has joined. */
  get topicCount() {
    return this.joined.size;
  }

  /**
   * Checks the principal of every joined topic again, in turn with the
   * frames: a topic whose principal no longer holds (revoked, expired) or
   * may no longer read conversations (its key's scopes changed) is closed;
   * the others keep the key's current scopes. `lookup` resolves a token as
   * channelPrincipal does, once per round for all sockets.
   */
  recheck(lookup: (token: string) => Promise<ChannelPrincipal | null>): Promise<void> {
    const done = this.queue
      .then(async () => {
        for (const [topic, joined] of [...this.joined]) {
          const current = await lookup(joined.principal.token);
          if (current && originAllowed(current, this.origin) && readsConversations(current))
            joined.principal = current;
          else this.close(topic, "unauthorized");
        }
      })
      // A lookup that failed (database unreachable) closes nothing; the next round tries again.
      .catch((error) => this.services.logger.warn("channel recheck failed", { error }));
    this.queue = done;
    return done;
  }

  /**
   * Ends a topic from the server's side with Phoenix's phx_close: the
   * `phoenix` client marks the channel closed and drops it, so it neither
   * rejoins it nor hears its events (a phx_error would make it rejoin).
   */
  private close(topic: string, reason: string) {
    const joinRef = this.joined.get(topic)?.joinRef ?? null;
    this.leave(topic);
    this.send(encode(joinRef, joinRef, topic, "phx_close", { reason }));
  }

  private async join(frame: Frame) {
    const principal = await this.principalFor(frame.payload);
    const [kind, id] = splitTopic(frame.topic);
    if (this.joined.has(frame.topic)) this.leave(frame.topic);
    if (kind === "notification") return this.joinNotifications(frame, principal, id);
    if (kind === "conversation") return this.joinConversation(frame, principal, id);
    throw new ChannelError("unmatched topic");
  }

  private joinNotifications(frame: Frame, principal: ChannelPrincipal, tenantId: string) {
    if (principal.kind !== "key" || !principal.scopes.has("conversations:read"))
      throw new ChannelError("unauthorized");
    if (tenantId !== principal.tenantId) throw new ChannelError("unauthorized");
    this.joined.set(frame.topic, { joinRef: frame.joinRef, principal });
    this.services.hub.join(frame.topic, this, "team");
    return this.services.hub.relay().then(() => ({}));
  }

  private async joinConversation(frame: Frame, principal: ChannelPrincipal, id: string) {
    const conversation = await this.conversation(principal, id);
    await this.services.hub.relay();
    const shows =
      principal.kind === "visitor"
        ? await this.customerShows(principal, conversation, frame.payload)
        : this.agentShows(principal, frame.payload);
    this.joined.set(frame.topic, {
      joinRef: frame.joinRef,
      principal,
      conversationId: id,
      ...shows,
    });
    this.services.hub.join(frame.topic, this, audienceOf(principal));
    return {};
  }

  private newMeta(type: Meta["type"], name: string): Meta {
    return {
      phx_ref: `${Date.now().toString(36)}-${++presenceRefs}`,
      online_at: Date.now(),
      type,
      name,
    };
  }

  /**
   * An agent is shown by the join's `name`; without one the team sees its
   * API key's name, but a visitor never does (a key's name is internal, e.g.
   * "zapier-prod"): it sees "Agent".
   */
  private agentShows(principal: ChannelPrincipal, payload: Record<string, unknown>): Shows {
    const team = nameOf(payload) ?? principal.name;
    const visitor = nameOf(payload) ?? AGENT_DISPLAY_NAME;
    const meta = this.newMeta("agent", team);
    return {
      presence: {
        team: { key: `agent:${team}`, meta },
        visitor: { key: `agent:${visitor}`, meta: { ...meta, name: visitor } },
      },
      typingNames: { team, visitor },
    };
  }

  /**
   * A visitor is `customer:<customer_id>` to all, shown by the join's `name`,
   * else the customer's display name; its typing carries the display name.
   */
  private async customerShows(
    principal: ChannelPrincipal & { kind: "visitor" },
    conversation: ConversationRow,
    payload: Record<string, unknown>,
  ): Promise<Shows> {
    const name = await customerDisplayName(
      this.services.ctx,
      principal.tenantId,
      conversation.customerId,
    );
    const shown = {
      key: `customer:${principal.customerId}`,
      meta: this.newMeta("customer", nameOf(payload) ?? name),
    };
    return {
      presence: { team: shown, visitor: shown },
      typingNames: { team: name, visitor: name },
    };
  }

  /** The conversation a principal may join: of its tenant; a visitor's own (a verified one's customer's). */
  private async conversation(principal: ChannelPrincipal, id: string): Promise<ConversationRow> {
    const db = this.services.ctx.db.read;
    try {
      if (principal.kind === "visitor") {
        return await conversationOfVisitor(db, principal, id);
      }
      if (!principal.scopes.has("conversations:read")) throw new ChannelError("unauthorized");
      return await findConversation(db, principal.tenantId, id);
    } catch (error) {
      if (error instanceof ApiError) throw new ChannelError("not found");
      throw error;
    }
  }

  /** Leaves a topic: membership and presence end. */
  leave(topic: string) {
    const joined = this.joined.get(topic);
    if (!joined) return {};
    this.joined.delete(topic);
    this.services.hub.leave(topic, this);
    if (joined.presence) {
      const diff = this.services.presence.untrack(topic, joined.presence);
      this.services.hub.broadcast(topic, "presence_diff", diff.team, {
        visitorPayload: diff.visitor,
      });
    }
    return {};
  }

  /**
   * The socket closed: leave every topic, in turn with the frames before the
   * close, so a join still under way is left too (not kept, with its presence, forever).
   */
  closed() {
    const leaveAll = () => {
      for (const topic of [...this.joined.keys()]) this.leave(topic);
    };
    this.queue = this.queue.then(leaveAll, leaveAll);
  }

  private requireWrite(joined: Joined) {
    if (joined.principal.kind === "key" && !joined.principal.scopes.has("messages:write"))
      throw new ChannelError("unauthorized");
  }

  /** A new message, through the same service as POST /messages; its broadcast comes from the outbox. */
  private async shout(joined: Joined, payload: Record<string, unknown>) {
    this.requireWrite(joined);
    const { principal } = joined;
    // A visitor sends what the widget API takes, a body: an `external_id` would answer the
    // tenant's message that has it (another customer's), `sent_at` would reorder the thread.
    const check = principal.kind === "visitor" ? pushChecks().visitorShout : pushChecks().shout;
    if (!check.Check(payload)) throw new PayloadError(check, payload);
    const { ctx } = this.services;
    const scope = writeScope(ctx, principal.tenantId, principal.actor);
    const input = principal.kind === "visitor" ? { body: payload.body as string } : payload;
    const { row } = await ctx.write((tx) =>
      insertMessage(
        tx,
        scope,
        {
          ...input,
          conversation_id: joined.conversationId as string,
          author_type: principal.kind === "visitor" ? "customer" : "agent",
        },
        { replies: replySenderOf(ctx) },
      ),
    );
    return principal.kind === "visitor" ? widgetMessage(messageView(row)) : messageView(row);
  }

  /** Typing indicators go to the others in the conversation on this instance; nothing is stored. */
  private typing(topic: string, joined: Joined, payload: Record<string, unknown>) {
    const typing = (name: string | undefined) => ({
      typing: payload.typing === true,
      type: joined.principal.kind === "visitor" ? "customer" : "agent",
      name: name ?? null,
    });
    this.services.hub.broadcast(topic, "typing", typing(joined.typingNames?.team), {
      except: this,
      visitorPayload: typing(joined.typingNames?.visitor),
    });
    return {};
  }

  /** Marks the other side's messages seen (agents see the customer's, the customer the agents'). */
  private async seen(joined: Joined, payload: Record<string, unknown>) {
    this.requireWrite(joined);
    const { seen: check } = pushChecks();
    if (!check.Check(payload)) throw new PayloadError(check, payload);
    const { ctx } = this.services;
    const { principal } = joined;
    const scope = writeScope(ctx, principal.tenantId, principal.actor);
    const seen = await ctx.write(async (tx) => {
      const conversation = await findConversation(
        tx,
        principal.tenantId,
        joined.conversationId as string,
      );
      const reader = principal.kind === "visitor" ? "customer" : "agent";
      return markSeen(tx, scope, conversation, reader, {
        messageIds: payload.message_ids as string[] | undefined,
        upTo: payload.up_to as string | undefined,
      });
    });
    return { message_ids: seen.map((m) => m.id) };
  }
}

/**
 * Numbers presences on this instance: a phx_ref is unique among all its
 * sockets, so the `phoenix` client, which removes a leave's metas by
 * phx_ref, never drops another connection's (two agents a visitor sees as
 * "Agent" share a key).
 */
let presenceRefs = 0;

/** What a visitor sees of an agent who joined without a `name` (never the API key's name). */
const AGENT_DISPLAY_NAME = "Agent";
/** What a customer without a name is shown as (an anonymous widget visitor's contact is called so too). */
const CUSTOMER_DISPLAY_NAME = "Visitor";

const audienceOf = (principal: ChannelPrincipal): Audience =>
  principal.kind === "visitor" ? "visitor" : "team";

/** A customer's name (first and last), else "Visitor": never its id or email. */
async function customerDisplayName(ctx: AppContext, tenantId: string, customerId: string) {
  const contact = await getContact(ctx, tenantId, customerId).catch((error) => {
    if (error instanceof ApiError) return null; // removed since
    throw error;
  });
  const name = [contact?.first_name, contact?.last_name]
    .map((part) => part?.trim())
    .filter(Boolean)
    .join(" ");
  return name || CUSTOMER_DISPLAY_NAME;
}

const nameOf = (payload: Record<string, unknown>) =>
  typeof payload.name === "string" && payload.name.length <= 200 ? payload.name : undefined;

function splitTopic(topic: string): [string, string] {
  const colon = topic.indexOf(":");
  return colon === -1 ? [topic, ""] : [topic.slice(0, colon), topic.slice(colon + 1)];
}
