-- Custom field definitions, values and archive (SQLite 1000_custom_fields), by scripts/pg-schema.ts.
CREATE TABLE "custom_field_definitions" (
  "id" text NOT NULL,
  "tenant_id" text NOT NULL,
  "object_type" text NOT NULL,
  "key" text NOT NULL,
  "label" text NOT NULL,
  "description" text,
  "type" text NOT NULL,
  "required" bigint DEFAULT 0 NOT NULL,
  "unique_values" bigint DEFAULT 0 NOT NULL,
  "default_value" text,
  "options" text,
  "reference_object" text,
  "currency" text,
  "created_at" bigint NOT NULL,
  "updated_at" bigint NOT NULL,
  "archived_at" bigint,
  PRIMARY KEY ("id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "custom_field_definitions_live_key_idx" ON "custom_field_definitions" ("tenant_id","object_type","key") WHERE archived_at is null;
--> statement-breakpoint
CREATE TABLE "custom_field_values" (
  "tenant_id" text NOT NULL,
  "object_type" text NOT NULL,
  "field_key" text NOT NULL,
  "record_id" text NOT NULL,
  "value_text" text,
  "value_num" double precision
);
--> statement-breakpoint
CREATE INDEX "custom_field_values_num_idx" ON "custom_field_values" ("tenant_id","object_type","field_key","value_num","record_id");
--> statement-breakpoint
CREATE INDEX "custom_field_values_record_idx" ON "custom_field_values" ("tenant_id","record_id");
--> statement-breakpoint
CREATE INDEX "custom_field_values_text_idx" ON "custom_field_values" ("tenant_id","object_type","field_key","value_text","record_id");
--> statement-breakpoint
CREATE TABLE "custom_field_archive" (
  "tenant_id" text NOT NULL,
  "object_type" text NOT NULL,
  "record_id" text NOT NULL,
  "field_key" text NOT NULL,
  "value" text,
  "archived_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE INDEX "custom_field_archive_record_idx" ON "custom_field_archive" ("tenant_id","object_type","record_id");
--> statement-breakpoint
ALTER TABLE "tasks" ADD "custom_fields" text DEFAULT '{}' NOT NULL;
