-- Whether a conversation was opened through the widget by a verified or an unverified visitor (null: by the team).
ALTER TABLE `conversations` ADD `visitor_identity` text;
