-- Custom field value indexes made partial (SQLite 1040_custom_field_partial_indexes).
DROP INDEX "custom_field_values_text_idx";
--> statement-breakpoint
DROP INDEX "custom_field_values_num_idx";
--> statement-breakpoint
CREATE INDEX "custom_field_values_text_idx" ON "custom_field_values" ("tenant_id","object_type","field_key","value_text","record_id") WHERE value_text is not null;
--> statement-breakpoint
CREATE INDEX "custom_field_values_num_idx" ON "custom_field_values" ("tenant_id","object_type","field_key","value_num","record_id") WHERE value_num is not null;
--> statement-breakpoint
DROP INDEX "custom_field_values_record_idx";
