-- Recipients an email's next attempt goes to (SQLite 1350_interaction_pending_recipients).
ALTER TABLE "interactions" ADD "pending_recipients" text;
