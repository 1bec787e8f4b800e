-- The value index keyed by its lookups (SQLite 1041_custom_field_values_keyed).
CREATE TABLE "custom_field_values_keyed" (
  "tenant_id" text NOT NULL,
  "object_type" text NOT NULL,
  "field_key" text NOT NULL,
  "value_text" text DEFAULT '' NOT NULL,
  "value_num" double precision DEFAULT 0 NOT NULL,
  "record_id" text NOT NULL,
  PRIMARY KEY ("tenant_id", "object_type", "field_key", "value_text", "value_num", "record_id")
);
--> statement-breakpoint
INSERT INTO "custom_field_values_keyed"
  SELECT "tenant_id", "object_type", "field_key", coalesce("value_text", ''), coalesce("value_num", 0), "record_id"
  FROM "custom_field_values"
  ON CONFLICT DO NOTHING;
--> statement-breakpoint
DROP TABLE "custom_field_values";
--> statement-breakpoint
ALTER TABLE "custom_field_values_keyed" RENAME TO "custom_field_values";
--> statement-breakpoint
ALTER TABLE "custom_field_values" RENAME CONSTRAINT "custom_field_values_keyed_pkey" TO "custom_field_values_pkey";
