-- One per-entity index on the activity log instead of two: entity ids are
-- unique across entity types, so (tenant_id, entity_id, created_at) serves
-- an entity's rows whether its type is named or not, and one index less is
-- written with every change.
DROP INDEX `activity_entity_idx`;
