-- A listing is found by its MLS number (the list filter, and the check that a live one holds it once).
CREATE INDEX `properties_tenant_mls_number_idx` ON `properties` (`tenant_id`,`mls_number`);
