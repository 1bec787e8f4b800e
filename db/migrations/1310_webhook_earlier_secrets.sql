-- Secrets of earlier rotations still inside their own 24-hour overlap.
ALTER TABLE `webhooks` ADD `earlier_secrets` text DEFAULT '[]' NOT NULL;
