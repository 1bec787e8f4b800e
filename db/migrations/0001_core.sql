CREATE TABLE tenants (
  id TEXT PRIMARY KEY NOT NULL,
  name TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL
);
--> statement-breakpoint
CREATE TABLE api_keys (
  id TEXT PRIMARY KEY NOT NULL,
  tenant_id TEXT NOT NULL REFERENCES tenants(id),
  name TEXT NOT NULL,
  key_prefix TEXT NOT NULL,
  key_hash TEXT NOT NULL,
  permissions TEXT NOT NULL,
  rate_limit INTEGER,
  expires_at INTEGER,
  revoked_at INTEGER,
  last_used_at INTEGER,
  created_at INTEGER NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX api_keys_hash_idx ON api_keys (key_hash);
--> statement-breakpoint
CREATE INDEX api_keys_tenant_idx ON api_keys (tenant_id);
--> statement-breakpoint
CREATE TABLE activity_log (
  id TEXT PRIMARY KEY NOT NULL,
  tenant_id TEXT NOT NULL,
  entity_type TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  action TEXT NOT NULL,
  actor_type TEXT NOT NULL,
  actor_id TEXT,
  actor_name TEXT,
  changes TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  sync_seq INTEGER NOT NULL
);
--> statement-breakpoint
CREATE INDEX activity_tenant_seq_idx ON activity_log (tenant_id, sync_seq);
--> statement-breakpoint
CREATE INDEX activity_tenant_created_idx ON activity_log (tenant_id, created_at);
--> statement-breakpoint
CREATE INDEX activity_entity_idx ON activity_log (tenant_id, entity_type, entity_id, sync_seq);
--> statement-breakpoint
CREATE TABLE outbox_events (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  tenant_id TEXT NOT NULL,
  event_type TEXT NOT NULL,
  entity_type TEXT,
  entity_id TEXT,
  body TEXT NOT NULL,
  occurred_at INTEGER NOT NULL
);
--> statement-breakpoint
CREATE INDEX outbox_tenant_seq_idx ON outbox_events (tenant_id, seq);
--> statement-breakpoint
CREATE TABLE counters (
  name TEXT PRIMARY KEY NOT NULL,
  value INTEGER NOT NULL
);
--> statement-breakpoint
INSERT INTO counters (name, value) VALUES ('sync', 0);
