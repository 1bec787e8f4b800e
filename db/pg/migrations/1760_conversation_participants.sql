-- Email conversations: the other people on the thread, Cc'd on agents' replies (SQLite 1760).
ALTER TABLE "conversations" ADD "participants" text DEFAULT '[]' NOT NULL;
