-- The trace of the request that caused an event (SQLite 1200_outbox_trace).
ALTER TABLE "outbox_events" ADD "trace_parent" text;
