import { Elysia, t } from "elysia";
import { conversations } from "../../db/schema";
import {
  type AppContext,
  asReplacement,
  authMacros,
  errorResponses,
  IdParams,
  listJson,
  listResponse,
  registerEventTypes,
  registerVersionedRecords,
  writeScope,
} from "../../src/core";
import { messageRoutes } from "./messages";
import { markConversationSeen } from "./messages-service";
import {
  Conversation,
  ConversationListQuery,
  CreateConversation,
  conversationDefaults,
  SeenInput,
  SeenResult,
  ShareConversation,
  UpdateConversation,
} from "./model";
import {
  archiveConversation,
  createConversation,
  getConversation,
  listConversations,
  shareConversation,
  unarchiveConversation,
  updateConversation,
} from "./service";

export {
  type CreatedMessage,
  conversationOfInteractions,
  insertMessage,
  latestCarrier,
  type MessageView,
  markSeen,
  messagesOfConversation,
  messageView,
  type ReplyDelivery,
  type ReplySender,
  recordReplyDelivery,
  registerReplySender,
  replySenderOf,
  type SeenMark,
} from "./messages-service";
export { CreateMessage, Message, SeenUpTo } from "./model";
export {
  ADOPTION_BATCH,
  addParticipants,
  adoptVisitorConversations,
  type ConversationRow,
  type ConversationView,
  conversationOfVisitor,
  conversationsOfVisitor,
  conversationView,
  findConversation,
  insertConversation,
  isParticipant,
  openChannelConversation,
  participantAddresses,
  type ThreadPerson,
} from "./service";

/** PATCH, PUT, DELETE and actions on `/conversations/:id` honour If-Match on its version. */
registerVersionedRecords("/conversations/:id", conversations);

registerEventTypes([
  "conversation.created",
  "conversation.updated",
  "conversation.archived",
  "conversation.unarchived",
  "conversation.identity_verified",
  "message.created",
  "message.updated",
  "message.deleted",
  "message.seen",
]);

const tags = ["conversations"];

/** Conversations with a customer (seed 003), and their messages. */
export const conversationsPlugin = (ctx: AppContext) =>
  new Elysia({ name: "crmd.conversations" })
    .use(authMacros)
    .get(
      "/conversations",
      async ({ query, tenantId }) =>
        listJson("conversations", await listConversations(ctx, tenantId, query)),
      {
        scope: "conversations:read",
        query: ConversationListQuery,
        response: { 200: listResponse("conversations", Conversation), ...errorResponses },
        detail: {
          summary:
            "List conversations (filters: status, assignee, unassigned, customer_id, channel, priority, tags, unread, archived; sort)",
          description:
            "An inbox: `status=open&unassigned=true` lists the conversations nobody has taken, `sort=-last_message_at` puts the latest activity first (the last message's sent_at, or the opening of a conversation without messages), `sort=last_message_at` the longest quiet first. Ties by id. Default: newest opened first. `since` and `cursor` feeds go by change whatever `sort` says.",
          tags,
        },
      },
    )
    .post(
      "/conversations",
      ({ body, tenantId, actor, set }) => {
        set.status = 201;
        return createConversation(ctx, writeScope(ctx, tenantId, actor), body);
      },
      {
        scope: "conversations:write",
        body: CreateConversation,
        response: { 201: Conversation, ...errorResponses },
        detail: { summary: "Open a conversation with a customer (a contact)", tags },
      },
    )
    .get(
      "/conversations/:id",
      ({ params, tenantId }) => getConversation(ctx, tenantId, params.id),
      {
        scope: "conversations:read",
        params: IdParams,
        response: { 200: Conversation, ...errorResponses },
        detail: { summary: "Get a conversation", tags },
      },
    )
    .patch(
      "/conversations/:id",
      ({ params, body, tenantId, actor }) =>
        updateConversation(ctx, writeScope(ctx, tenantId, actor), params.id, body),
      {
        scope: "conversations:write",
        params: IdParams,
        body: UpdateConversation,
        response: { 200: Conversation, ...errorResponses },
        detail: {
          summary:
            "Update a conversation: status, assignee, priority, subject, tags; participants to keep",
          description:
            "`participants` lists the email thread's participants to keep: the others are removed (no longer Cc'd on agents' replies; their replies open their own conversation). Only people of the thread can be given (422 otherwise); a removed one given again comes back. Emits `conversation.updated`.",
          tags,
        },
      },
    )
    .put(
      "/conversations/:id",
      ({ params, body, tenantId, actor }) => {
        const input = asReplacement(UpdateConversation, body, conversationDefaults);
        return updateConversation(ctx, writeScope(ctx, tenantId, actor), params.id, input);
      },
      {
        scope: "conversations:write",
        params: IdParams,
        body: UpdateConversation,
        response: { 200: Conversation, ...errorResponses },
        detail: {
          summary:
            "Replace a conversation's status, assignee, priority, subject and tags (seed 003's PUT: fields left out are emptied; participants left out are kept)",
          tags,
        },
      },
    )
    .post(
      "/conversations/:id/archive",
      ({ params, tenantId, actor }) =>
        archiveConversation(ctx, writeScope(ctx, tenantId, actor), params.id),
      {
        scope: "conversations:write",
        params: IdParams,
        response: { 200: Conversation, ...errorResponses },
        detail: { summary: "Archive a conversation (conversation.archived)", tags },
      },
    )
    .post(
      "/conversations/:id/unarchive",
      ({ params, tenantId, actor }) =>
        unarchiveConversation(ctx, writeScope(ctx, tenantId, actor), params.id),
      {
        scope: "conversations:write",
        params: IdParams,
        response: { 200: Conversation, ...errorResponses },
        detail: {
          summary: "Bring an archived conversation back to the inbox (conversation.unarchived)",
          tags,
        },
      },
    )
    .post(
      "/conversations/:id/share",
      ({ params, body, tenantId, actor }) =>
        shareConversation(ctx, writeScope(ctx, tenantId, actor), params.id, body.teammate),
      {
        scope: "conversations:write",
        params: IdParams,
        body: ShareConversation,
        response: { 200: Conversation, ...errorResponses },
        detail: {
          summary: "Share a conversation with a teammate",
          description:
            "Adds the teammate (by name) to `shared_with`; sharing with one already there changes nothing and emits nothing. Emits `conversation.updated`.",
          tags,
        },
      },
    )
    .post(
      "/conversations/:id/seen",
      ({ params, body, tenantId, actor }) =>
        markConversationSeen(ctx, writeScope(ctx, tenantId, actor), params.id, {
          messageIds: body?.message_ids,
          upTo: body?.up_to,
        }),
      {
        scope: "messages:write",
        params: IdParams,
        body: t.Optional(SeenInput),
        response: { 200: SeenResult, ...errorResponses },
        detail: {
          operationId: "markConversationSeen",
          summary: "Mark the customer's messages seen by the agents (message.seen each)",
          description:
            "Marks the customer's unseen messages (or those of `message_ids`) oldest first in thread order (sent_at, ties by id), at most 500 a call; `up_to` stops at that message, it included.",
          tags,
        },
      },
    )
    .use(messageRoutes(ctx));
