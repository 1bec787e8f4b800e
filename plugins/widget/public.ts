import { randomBytes } from "node:crypto";
import { Elysia, t } from "elysia";
import { contacts } from "../../db/schema";
import {
  ApiError,
  type AppContext,
  ErrorBody,
  IdParams,
  invalid,
  isLiveIn,
  unauthorized,
  ValidationErrorBody,
  type WriteScope,
  writeScope,
} from "../../src/core";
import {
  adoptVisitorConversations,
  conversationOfVisitor,
  conversationsOfVisitor,
  conversationView,
  findConversation,
  insertConversation,
  insertMessage,
  markSeen,
  messagesOfConversation,
  messageView,
} from "../conversations";
import { identifyCustomer, removeAnonymousCustomer } from "../customers";
import { visitorOf, WIDGET_PREFIX, type WidgetAccess, widgetActor, widgetMacros } from "./access";
import {
  OpenConversation,
  OpenedConversation,
  SendWidgetMessage,
  VisitorSession,
  WidgetConversation,
  WidgetConversations,
  WidgetIdentify,
  WidgetMessage,
  WidgetMessages,
  WidgetSeen,
  WidgetSettings,
} from "./model";
import { type WidgetKey, widgetKeyStore } from "./store";
import { identitySecretProving, signVisitorToken, type VisitorClaims } from "./tokens";
import { widgetConversation, widgetMessage } from "./views";

const tags = ["widget"];
/** How long a visitor token is valid. */
const TOKEN_DAYS = 30;
const errors = {
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
  422: ValidationErrorBody,
  429: ErrorBody,
};
/** The most conversations a verified visitor lists. */
const LISTED_CONVERSATIONS = 100;

/** Names a new visitor (one browser session) inside its tokens. */
const newVisitorId = () => `vis_${randomBytes(16).toString("base64url")}`;

function session(
  ctx: AppContext,
  access: WidgetAccess,
  visitor: { visitorId: string | null; customerId: string },
  conversationId: string | null,
  provenBy: string | null,
) {
  const expiresAt = Math.floor(ctx.clock.now().getTime() / 1000) + TOKEN_DAYS * 86_400;
  const claims: VisitorClaims = {
    widgetKeyId: access.key.row.id,
    tenantId: access.key.row.tenantId,
    customerId: visitor.customerId,
    visitorId: visitor.visitorId,
    conversationId,
    verified: provenBy !== null,
    provenBy,
    expiresAt,
  };
  return {
    visitor_token: signVisitorToken(access.key.secret, claims),
    expires_at: new Date(expiresAt * 1000).toISOString(),
  };
}

const scopeOf = (ctx: AppContext, access: WidgetAccess): WriteScope =>
  writeScope(ctx, access.key.row.tenantId, widgetActor(access.key));

/**
 * The visitor's conversation `id`, else 404: the one its token names; for a
 * verified visitor also its customer's others, except those an unverified
 * visitor opened.
 */
function ownConversation(ctx: AppContext, access: WidgetAccess, id: string) {
  return conversationOfVisitor(ctx.db.read, visitorOf(access), id);
}

type Identify = typeof WidgetIdentify.static;

/**
 * The identity the site proved with `user_hash` (hex HMAC-SHA256 of the
 * external_id, else the email, under the key's identity secret) and the
 * fingerprint of the secret that proved it, or null for a visitor that
 * proves none. Only what the hash covers is trusted: a
 * proven external_id comes without the email. A missing hash on a key that
 * requires one, or a wrong one, is 403.
 */
function provenIdentity(
  ctx: AppContext,
  key: WidgetKey,
  body: Identify,
): { identity: Identify; provenBy: string } | null {
  const { user_hash, external_id, email, name } = body;
  const field = external_id !== undefined ? "external_id" : email !== undefined ? "email" : null;
  if (user_hash === undefined) {
    if (field && key.row.identityVerificationRequired)
      throw new ApiError(
        403,
        "IDENTITY_NOT_VERIFIED",
        `This widget key requires verified identities: send user_hash, the hex HMAC-SHA256 of the ${field} under the key's identity secret, or identify without an email or external_id`,
      );
    return null;
  }
  if (field === null) throw invalid("/user_hash", "needs the email or external_id it was made of");
  const identifier = (external_id ?? email) as string;
  const secrets = widgetKeyStore(ctx).verifyingIdentitySecrets(key);
  const proving = identitySecretProving(secrets, identifier, user_hash);
  if (proving === null)
    throw new ApiError(
      403,
      "IDENTITY_VERIFICATION_FAILED",
      `user_hash is not the HMAC-SHA256 of this ${field} under the widget key's identity secret`,
    );
  return {
    identity: external_id !== undefined ? { external_id, name } : { email, name },
    provenBy: proving.fingerprint,
  };
}

/**
 * The public widget API for a website's chat widget: no API key, a
 * publishable widget key and then a visitor token that crmd signs. A
 * visitor reads and writes only the conversation its token names.
 */
export const widgetRoutes = (ctx: AppContext) =>
  new Elysia({ name: "crmd.widget", prefix: WIDGET_PREFIX })
    .use(widgetMacros())
    // Preflights carry no key: they are answered for any origin, and the
    // request itself is refused unless its Origin is on the key's list.
    .options(
      "/*",
      ({ request, set }) => {
        const origin = request.headers.get("origin");
        if (origin) set.headers["access-control-allow-origin"] = origin;
        set.headers.vary = "Origin";
        set.headers["access-control-allow-methods"] = "GET, POST";
        set.headers["access-control-allow-headers"] =
          "authorization, content-type, x-widget-key, x-consistency, idempotency-key, if-none-match";
        set.headers["access-control-max-age"] = "600";
        set.status = 204;
      },
      { detail: { hide: true } },
    )
    .get(
      "/settings",
      ({ access }) => ({ name: access.key.row.name, settings: access.key.row.settings }),
      {
        widget: "key",
        response: { 200: WidgetSettings, ...errors },
        detail: { summary: "The widget's configuration (X-Widget-Key)", tags },
      },
    )
    .post(
      "/customers",
      async ({ body, access, set }) => {
        const proven = provenIdentity(ctx, access.key, body);
        const scope = scopeOf(ctx, access);
        const { email, name, external_id } = body;
        // Unproven, a returning customer is recognised but links no external id to a known contact.
        const identity = proven?.identity ?? { email, name, external_id };
        // The page's unverified visitor token, sent along: the same visitor, identifying again.
        const same = access.visitor && !access.visitor.verified ? access.visitor : null;
        const { customer } = await ctx.write(async (tx) => {
          const identified = await identifyCustomer(tx, scope, identity, proven !== null);
          // Proving its identity, the visitor takes over the conversations it opened unverified.
          if (proven && same) {
            await adoptVisitorConversations(tx, scope, same, identified.customer.id);
            // The anonymous contact it used, left with nothing, goes (contact.deleted).
            if (same.customerId !== identified.customer.id)
              await removeAnonymousCustomer(tx, scope, same.customerId);
          }
          return identified;
        });
        set.status = 201;
        const visitorId = same?.visitorId ?? newVisitorId();
        return {
          customer_id: customer.id,
          verified: proven !== null,
          ...session(
            ctx,
            access,
            { visitorId, customerId: customer.id },
            null,
            proven?.provenBy ?? null,
          ),
        };
      },
      {
        widget: "key",
        body: WidgetIdentify,
        response: { 201: VisitorSession, ...errors },
        detail: {
          operationId: "identifyWidgetVisitor",
          summary:
            "Identify the visitor (email, external_id, or anonymous) and get a visitor token",
          description:
            "With a valid user_hash (hex HMAC-SHA256 of the external_id, else the email, under the widget key's identity secret) the visitor is that customer, found or created as POST /api/external/customers/identify does, and its token reads the customer's conversations except those unverified visitors opened. Without one (on a key that does not require it) the visitor is the customer found the same way, a returning customer, but its token reads only the conversations its visitor (browser session) opened, its unproven external_id is linked only to a contact made for it, and it has a rate budget of its own. Sent with the visitor's unverified token (Authorization: Bearer vt_…), the new token is the same visitor's, and a valid user_hash moves the conversations that visitor opened unverified to the proven customer (conversation.identity_verified each), and the anonymous contact it used is deleted (contact.deleted) when nothing is left on it. A key with identity_verification_required refuses an email or external_id without user_hash (403 IDENTITY_NOT_VERIFIED); a wrong user_hash is 403 IDENTITY_VERIFICATION_FAILED.",
          tags,
        },
      },
    )
    .post(
      "/conversations",
      async ({ body, access, set }) => {
        const visitor = visitorOf(access);
        const scope = scopeOf(ctx, access);
        const row = await ctx.write(async (tx) => {
          // An anonymous token whose contact went when its visitor proved its identity: identify again.
          if (!(await isLiveIn(tx, contacts, scope.tenantId, visitor.customerId)))
            throw unauthorized("This visitor token's customer is gone: identify the visitor again");
          const conversation = await insertConversation(
            tx,
            scope,
            { customer_id: visitor.customerId, channel: "chat", subject: body.subject },
            {
              identity: visitor.verified ? "verified" : "unverified",
              visitorId: visitor.visitorId,
            },
          );
          if (!body.body) return conversation;
          await insertMessage(tx, scope, {
            conversation_id: conversation.id,
            body: body.body,
            author_type: "customer",
          });
          return findConversation(tx, scope.tenantId, conversation.id); // with the message's counters
        });
        set.status = 201;
        return {
          conversation: widgetConversation(conversationView(row)),
          ...session(ctx, access, visitor, row.id, visitor.provenBy),
        };
      },
      {
        widget: "visitor",
        body: OpenConversation,
        response: { 201: OpenedConversation, ...errors },
        detail: {
          summary: "Open a conversation (with an optional first message); answers a token for it",
          tags,
        },
      },
    )
    .get(
      "/conversations",
      async ({ access }) => {
        const visitor = visitorOf(access);
        const rows = await conversationsOfVisitor(ctx.db.read, visitor, LISTED_CONVERSATIONS);
        return { conversations: rows.map((row) => widgetConversation(conversationView(row))) };
      },
      {
        widget: "visitor",
        response: { 200: WidgetConversations, ...errors },
        detail: {
          summary:
            "The conversations the visitor may read, newest first (at most 100): those its visitor (browser session) opened, and for a verified visitor its customer's others except those unverified visitors opened",
          tags,
        },
      },
    )
    .get(
      "/conversations/:id",
      async ({ params, access }) =>
        widgetConversation(conversationView(await ownConversation(ctx, access, params.id))),
      {
        widget: "visitor",
        params: IdParams,
        response: { 200: WidgetConversation, ...errors },
        detail: { summary: "The visitor's conversation", tags },
      },
    )
    .get(
      "/conversations/:id/messages",
      async ({ params, access }) => {
        const conversation = await ownConversation(ctx, access, params.id);
        const messages = await messagesOfConversation(ctx.db.read, conversation, 1000);
        return { messages: messages.map(widgetMessage) };
      },
      {
        widget: "visitor",
        params: IdParams,
        response: { 200: WidgetMessages, ...errors },
        detail: {
          summary:
            "The conversation's messages, oldest first by sent_at, ties by id (the latest 1,000)",
          tags,
        },
      },
    )
    .post(
      "/conversations/:id/messages",
      async ({ params, body, access, set }) => {
        const conversation = await ownConversation(ctx, access, params.id);
        // The write returns the answer: an Idempotency-Key's replay is stored with it, so a
        // retry after a crash gets what the visitor sees, never the stored row.
        const answer = await ctx.write(async (tx) => {
          const { row } = await insertMessage(tx, scopeOf(ctx, access), {
            conversation_id: conversation.id,
            body: body.body,
            author_type: "customer",
          });
          return widgetMessage(messageView(row));
        });
        set.status = 201;
        return answer;
      },
      {
        widget: "visitor",
        params: IdParams,
        body: SendWidgetMessage,
        response: { 201: WidgetMessage, ...errors },
        detail: { summary: "Send a message as the customer", tags },
      },
    )
    .post(
      "/conversations/:id/seen",
      async ({ params, body, access }) => {
        const conversation = await ownConversation(ctx, access, params.id);
        return ctx.write(async (tx) => {
          const seen = await markSeen(tx, scopeOf(ctx, access), conversation, "customer", {
            upTo: body?.up_to,
          });
          return { messages: seen.map(widgetMessage) }; // the answer, stored for a replay
        });
      },
      {
        widget: "visitor",
        params: IdParams,
        body: t.Optional(WidgetSeen),
        response: { 200: WidgetMessages, ...errors },
        detail: {
          operationId: "markWidgetConversationSeen",
          summary: "Mark the agents' messages seen by the customer",
          description:
            "Oldest first in thread order (sent_at, ties by id), at most 500 a call; `up_to` stops at that message, it included.",
          tags,
        },
      },
    );
