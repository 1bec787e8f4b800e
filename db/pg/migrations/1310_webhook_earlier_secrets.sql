-- Secrets of earlier rotations still inside their own 24-hour overlap (SQLite 1310_webhook_earlier_secrets).
ALTER TABLE "webhooks" ADD "earlier_secrets" text DEFAULT '[]' NOT NULL;
