-- MLS properties (SQLite 1030_mls_properties), by scripts/pg-schema.ts.
CREATE TABLE "properties" (
  "id" text NOT NULL,
  "tenant_id" text NOT NULL,
  "mls_number" text,
  "status" text NOT NULL,
  "property_type" text NOT NULL,
  "title" text,
  "address" text NOT NULL,
  "city" text,
  "postcode" text,
  "latitude" double precision,
  "longitude" double precision,
  "price" bigint,
  "currency" text DEFAULT 'EUR' NOT NULL,
  "bedrooms" bigint,
  "bathrooms" double precision,
  "living_area" double precision,
  "lot_area" double precision,
  "area_unit" text DEFAULT 'sqm' NOT NULL,
  "year_built" bigint,
  "description" text,
  "features" text DEFAULT '[]' NOT NULL,
  "listing_agent" text,
  "photo_ids" text DEFAULT '[]' NOT NULL,
  "listed_at" text,
  "sold_at" text,
  "custom_fields" text DEFAULT '{}' NOT NULL,
  "created_at" bigint NOT NULL,
  "updated_at" bigint NOT NULL,
  "deleted_at" bigint,
  "sync_seq" bigint NOT NULL,
  PRIMARY KEY ("id")
);
--> statement-breakpoint
CREATE INDEX "properties_tenant_city_idx" ON "properties" ("tenant_id","city");
--> statement-breakpoint
CREATE INDEX "properties_tenant_created_idx" ON "properties" ("tenant_id","created_at") WHERE deleted_at is null;
--> statement-breakpoint
CREATE INDEX "properties_tenant_geo_idx" ON "properties" ("tenant_id","latitude","longitude");
--> statement-breakpoint
CREATE INDEX "properties_tenant_postcode_idx" ON "properties" ("tenant_id","postcode");
--> statement-breakpoint
CREATE INDEX "properties_tenant_price_idx" ON "properties" ("tenant_id","price");
--> statement-breakpoint
CREATE INDEX "properties_tenant_seq_idx" ON "properties" ("tenant_id","sync_seq");
--> statement-breakpoint
CREATE INDEX "properties_tenant_status_idx" ON "properties" ("tenant_id","status","created_at");
--> statement-breakpoint
CREATE INDEX "properties_tenant_updated_idx" ON "properties" ("tenant_id","updated_at","sync_seq");
