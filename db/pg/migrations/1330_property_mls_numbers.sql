-- A listing is found by its MLS number (SQLite 1330_property_mls_numbers).
CREATE INDEX "properties_tenant_mls_number_idx" ON "properties" ("tenant_id","mls_number");
