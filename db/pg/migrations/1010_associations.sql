-- Associations between records (SQLite 1010_associations), by scripts/pg-schema.ts.
CREATE TABLE "associations" (
  "link_id" text NOT NULL,
  "tenant_id" text NOT NULL,
  "from_object" text NOT NULL,
  "from_id" text NOT NULL,
  "to_object" text NOT NULL,
  "to_id" text NOT NULL,
  "label" text DEFAULT '' NOT NULL,
  "created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE INDEX "associations_link_idx" ON "associations" ("link_id");
--> statement-breakpoint
CREATE UNIQUE INDEX "associations_pair_idx" ON "associations" ("tenant_id","from_object","from_id","to_object","to_id","label");
--> statement-breakpoint
CREATE INDEX "associations_reverse_idx" ON "associations" ("tenant_id","to_object","to_id","from_object");
--> statement-breakpoint
ALTER TABLE "deals" ADD "contact_ids" text DEFAULT '[]' NOT NULL;
