-- One per-entity index on the activity log instead of two (SQLite 1570_activity_entity_index).
DROP INDEX "activity_entity_idx";
