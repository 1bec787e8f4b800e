import { Elysia, t } from "elysia";
import { messages } from "../../db/schema";
import {
  type AppContext,
  answerStatus,
  asReplacement,
  authMacros,
  errorResponses,
  IdParams,
  listJson,
  listResponse,
  registerVersionedRecords,
  writeScope,
} from "../../src/core";
import {
  deleteMessage,
  getMessage,
  insertMessage,
  listMessages,
  messageView,
  replySenderOf,
  updateMessage,
} from "./messages-service";
import { CreateMessage, Message, MessageListQuery, ReplaceMessage, UpdateMessage } from "./model";

/** PATCH, PUT, DELETE and actions on `/messages/:id` honour If-Match on its version. */
registerVersionedRecords("/messages/:id", messages);

const tags = ["messages"];

/** Messages of conversations: the support inbox's side (API keys). */
export const messageRoutes = (ctx: AppContext) =>
  new Elysia({ name: "crmd.messages" })
    .use(authMacros)
    .get(
      "/messages",
      async ({ query, tenantId }) => listJson("messages", await listMessages(ctx, tenantId, query)),
      {
        scope: "messages:read",
        query: MessageListQuery,
        response: { 200: listResponse("messages", Message), ...errorResponses },
        detail: {
          summary:
            "List messages (filters: conversation_id, customer_id, author_type, channel, unseen)",
          description:
            "Newest first by `sent_at` (the time the message was sent: an imported email or SMS keeps its own), ties by id: a conversation's thread in the order the widget shows it, from its end. `since` and `cursor` feeds go by change, oldest first.",
          tags,
        },
      },
    )
    .post(
      "/messages",
      async ({ body, tenantId, actor, request, set }) => {
        const scope = writeScope(ctx, tenantId, actor);
        let created = false;
        // The write returns the answer and its status: an Idempotency-Key's replay is stored with it.
        const message = await ctx.write(async (tx) => {
          const inserted = await insertMessage(tx, scope, body, { replies: replySenderOf(ctx) });
          created = inserted.created;
          answerStatus(request, created ? 201 : 200);
          return messageView(inserted.row);
        });
        set.status = created ? 201 : 200;
        return message;
      },
      {
        scope: "messages:write",
        body: CreateMessage,
        response: { 200: Message, 201: Message, ...errorResponses },
        detail: {
          summary: "Send a message in a conversation",
          description:
            "201 with the new message; a customer's message reopens a closed or pending conversation (conversation.updated). With an `external_id` that a live message of this tenant already has: 200 with that message, nothing written (dedupe of channel retries). A deleted message frees its `external_id`: sent again, it makes a new message (201).",
          tags,
        },
      },
    )
    .get("/messages/:id", ({ params, tenantId }) => getMessage(ctx, tenantId, params.id), {
      scope: "messages:read",
      params: IdParams,
      response: { 200: Message, ...errorResponses },
      detail: { summary: "Get a message", tags },
    })
    .patch(
      "/messages/:id",
      ({ params, body, tenantId, actor }) =>
        updateMessage(ctx, writeScope(ctx, tenantId, actor), params.id, body),
      {
        scope: "messages:write",
        params: IdParams,
        body: UpdateMessage,
        response: { 200: Message, ...errorResponses },
        detail: { summary: "Edit a message's body or attachments", tags },
      },
    )
    .put(
      "/messages/:id",
      ({ params, body, tenantId, actor }) =>
        updateMessage(
          ctx,
          writeScope(ctx, tenantId, actor),
          params.id,
          asReplacement(ReplaceMessage, body),
        ),
      {
        scope: "messages:write",
        params: IdParams,
        body: ReplaceMessage,
        response: { 200: Message, ...errorResponses },
        detail: {
          summary:
            "Replace a message's body and attachments (seed 003's PUT: attachments left out are removed)",
          tags,
        },
      },
    )
    .delete(
      "/messages/:id",
      async ({ params, tenantId, actor, set }) => {
        await deleteMessage(ctx, writeScope(ctx, tenantId, actor), params.id);
        set.status = 204;
      },
      {
        scope: "messages:write",
        params: IdParams,
        response: { 204: t.Void(), ...errorResponses },
        detail: { summary: "Delete a message (a tombstone stays in sync feeds)", tags },
      },
    );
