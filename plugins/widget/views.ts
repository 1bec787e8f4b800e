import type { Static } from "elysia";
import type { ConversationView, MessageView } from "../conversations";
import type { WidgetConversation, WidgetMessage } from "./model";

/** What a visitor sees of a conversation: no assignee, tags, sharing or counters. */
export const widgetConversation = (c: ConversationView): Static<typeof WidgetConversation> => ({
  id: c.id,
  status: c.status,
  subject: c.subject,
  last_message_at: c.last_message_at,
  created_at: c.created_at,
});

/** What a visitor sees of a message: no agent ids or channel ids. */
export const widgetMessage = (m: MessageView): Static<typeof WidgetMessage> => ({
  id: m.id,
  author_type: m.author_type,
  body: m.body,
  attachments: m.attachments,
  sent_at: m.sent_at,
  seen_at: m.seen_at,
});
