-- An entity's change feed on an index without its type (SQLite 1570_activity_entity_index).
DROP INDEX "activity_entity_idx";
CREATE INDEX "activity_tenant_entity_seq_idx" ON "activity_log" ("tenant_id","entity_id","sync_seq");
