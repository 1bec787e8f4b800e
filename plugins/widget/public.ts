import { Elysia } from "elysia";
import { type AppContext, ErrorBody, IdParams, notFound, type WriteScope } from "../../src/core";
import {
  conversationOfCustomer,
  conversationView,
  findConversation,
  insertConversation,
  insertMessage,
  markSeen,
  messagesOfConversation,
  messageView,
} from "../conversations";
import { identifyCustomer } from "../customers";
import { visitorOf, WIDGET_PREFIX, type WidgetAccess, widgetActor, widgetMacros } from "./access";
import {
  OpenConversation,
  OpenedConversation,
  SendWidgetMessage,
  VisitorSession,
  WidgetConversation,
  WidgetIdentify,
  WidgetMessage,
  WidgetMessages,
  WidgetSettings,
} from "./model";
import { signVisitorToken, type VisitorClaims } from "./tokens";
import { widgetConversation, widgetMessage } from "./views";

const tags = ["widget"];
/** How long a visitor token is valid. */
const TOKEN_DAYS = 30;
const errors = { 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 422: ErrorBody, 429: ErrorBody };

function session(
  ctx: AppContext,
  access: WidgetAccess,
  customerId: string,
  conversationId: string | null,
) {
  const expiresAt = Math.floor(ctx.clock.now().getTime() / 1000) + TOKEN_DAYS * 86_400;
  const claims: VisitorClaims = {
    widgetKeyId: access.key.row.id,
    tenantId: access.key.row.tenantId,
    customerId,
    conversationId,
    expiresAt,
  };
  return {
    visitor_token: signVisitorToken(access.key.secret, claims),
    expires_at: new Date(expiresAt * 1000).toISOString(),
  };
}

const scopeOf = (ctx: AppContext, access: WidgetAccess): WriteScope => ({
  tenantId: access.key.row.tenantId,
  actor: widgetActor(access.key),
  now: ctx.clock.now(),
});

/** The visitor's own conversation `id`: the one its token names, still of its customer; else 404. */
async function ownConversation(ctx: AppContext, access: WidgetAccess, id: string) {
  const visitor = visitorOf(access);
  if (visitor.conversationId !== id) throw notFound("Conversation");
  return conversationOfCustomer(ctx.db.read, visitor.tenantId, id, visitor.customerId);
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
        set.headers["access-control-allow-headers"] = "authorization, content-type, x-widget-key";
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
        const { customer } = await ctx.write((tx) =>
          identifyCustomer(tx, scopeOf(ctx, access), body, false),
        );
        set.status = 201;
        return { customer_id: customer.id, ...session(ctx, access, customer.id, null) };
      },
      {
        widget: "key",
        body: WidgetIdentify,
        response: { 201: VisitorSession, ...errors },
        detail: {
          summary:
            "Identify the visitor (email, external_id, or anonymous) and get a visitor token",
          description:
            "Finds or creates the customer as POST /api/external/customers/identify does (anonymous: a new contact). The token opens conversations; it reads none that exist.",
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
          const conversation = await insertConversation(tx, scope, {
            customer_id: visitor.customerId,
            channel: "chat",
            subject: body.subject,
          });
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
          ...session(ctx, access, visitor.customerId, row.id),
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
        const messages = await messagesOfConversation(ctx.db.read, conversation.id, 1000);
        return { messages: messages.map(widgetMessage) };
      },
      {
        widget: "visitor",
        params: IdParams,
        response: { 200: WidgetMessages, ...errors },
        detail: { summary: "The conversation's messages, oldest first (the latest 1,000)", tags },
      },
    )
    .post(
      "/conversations/:id/messages",
      async ({ params, body, access, set }) => {
        const conversation = await ownConversation(ctx, access, params.id);
        const { row } = await ctx.write((tx) =>
          insertMessage(tx, scopeOf(ctx, access), {
            conversation_id: conversation.id,
            body: body.body,
            author_type: "customer",
          }),
        );
        set.status = 201;
        return widgetMessage(messageView(row));
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
      async ({ params, access }) => {
        const conversation = await ownConversation(ctx, access, params.id);
        const seen = await ctx.write((tx) =>
          markSeen(tx, scopeOf(ctx, access), conversation, "customer"),
        );
        return { messages: seen.map(widgetMessage) };
      },
      {
        widget: "visitor",
        params: IdParams,
        response: { 200: WidgetMessages, ...errors },
        detail: { summary: "Mark the agents' messages seen by the customer", tags },
      },
    );
