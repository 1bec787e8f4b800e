-- Outbox pruning: events past retention, fanned out, and no longer the body of any delivery.
CREATE INDEX `webhook_deliveries_event_seq_idx` ON `webhook_deliveries` (`event_seq`);
--> statement-breakpoint
CREATE INDEX `outbox_occurred_idx` ON `outbox_events` (`occurred_at`);
