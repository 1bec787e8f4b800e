-- The tenants listing an address or domain among their team's, by SES's recipients (SQLite 1800).
CREATE INDEX "team_email_addresses_address_idx" ON "team_email_addresses" ("address");
