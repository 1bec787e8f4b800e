-- The trace of the request that caused an event, so its webhook deliveries continue it.
ALTER TABLE `outbox_events` ADD `trace_parent` text;
