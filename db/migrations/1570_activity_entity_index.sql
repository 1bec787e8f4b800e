-- An entity's change feed on an index without its type: entity ids are
-- unique across entity types, so (tenant_id, entity_id, sync_seq) serves a
-- `cursor`/`since` feed of one entity whether its type is named or not
-- (the index it replaces served only a filter naming both; one naming the
-- id alone walked the tenant's whole log).
DROP INDEX `activity_entity_idx`;
--> statement-breakpoint
CREATE INDEX `activity_tenant_entity_seq_idx` ON `activity_log` (`tenant_id`,`entity_id`,`sync_seq`);
