-- The tenants listing an address or domain among their team's: SES's received email finds its tenant by its recipients.
CREATE INDEX `team_email_addresses_address_idx` ON `team_email_addresses` (`address`);
