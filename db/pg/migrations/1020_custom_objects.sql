-- Custom object types and records (SQLite 1020_custom_objects), by scripts/pg-schema.ts.
CREATE TABLE "custom_object_types" (
  "id" text NOT NULL,
  "tenant_id" text NOT NULL,
  "name" text NOT NULL,
  "plural" text NOT NULL,
  "label" text NOT NULL,
  "description" text,
  "primary_field" text NOT NULL,
  "created_at" bigint NOT NULL,
  "updated_at" bigint NOT NULL,
  "archived_at" bigint,
  PRIMARY KEY ("id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "custom_object_types_name_idx" ON "custom_object_types" ("tenant_id","name") WHERE archived_at is null;
--> statement-breakpoint
CREATE UNIQUE INDEX "custom_object_types_plural_idx" ON "custom_object_types" ("tenant_id","plural") WHERE archived_at is null;
--> statement-breakpoint
CREATE TABLE "custom_records" (
  "id" text NOT NULL,
  "tenant_id" text NOT NULL,
  "object_type" text NOT NULL,
  "display" text,
  "custom_fields" text DEFAULT '{}' NOT NULL,
  "created_at" bigint NOT NULL,
  "updated_at" bigint NOT NULL,
  "deleted_at" bigint,
  "sync_seq" bigint NOT NULL,
  PRIMARY KEY ("id")
);
--> statement-breakpoint
CREATE INDEX "custom_records_tenant_seq_idx" ON "custom_records" ("tenant_id","sync_seq");
--> statement-breakpoint
CREATE INDEX "custom_records_tenant_updated_idx" ON "custom_records" ("tenant_id","updated_at","sync_seq");
--> statement-breakpoint
CREATE INDEX "custom_records_type_created_idx" ON "custom_records" ("tenant_id","object_type","created_at");
