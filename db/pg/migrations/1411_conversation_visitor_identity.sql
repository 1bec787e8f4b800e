-- Whether a conversation was opened through the widget by a verified or an unverified visitor (SQLite 1411).
ALTER TABLE "conversations" ADD "visitor_identity" text;
