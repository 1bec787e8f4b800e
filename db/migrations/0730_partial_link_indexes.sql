-- Link and owner indexes hold only the rows that have a link or an owner.
-- Most new deals and leads have none, and each of these indexes cost every
-- such insert an entry that no query reads: a filter `x = ?` or `x IN (…)`
-- implies `x IS NOT NULL`, so SQLite still answers it from the partial index
-- (tests/indexes.test.ts checks every filter's plan).
DROP INDEX `deals_tenant_lead_idx`
--> statement-breakpoint
CREATE INDEX `deals_tenant_lead_idx` ON `deals` (`tenant_id`,`lead_id`) WHERE lead_id IS NOT NULL
--> statement-breakpoint
DROP INDEX `deals_tenant_contact_idx`
--> statement-breakpoint
CREATE INDEX `deals_tenant_contact_idx` ON `deals` (`tenant_id`,`contact_id`) WHERE contact_id IS NOT NULL
--> statement-breakpoint
DROP INDEX `deals_tenant_company_idx`
--> statement-breakpoint
CREATE INDEX `deals_tenant_company_idx` ON `deals` (`tenant_id`,`company_id`) WHERE company_id IS NOT NULL
--> statement-breakpoint
DROP INDEX `deals_tenant_partner_idx`
--> statement-breakpoint
CREATE INDEX `deals_tenant_partner_idx` ON `deals` (`tenant_id`,`partner_id`,`created_at`) WHERE partner_id IS NOT NULL
--> statement-breakpoint
DROP INDEX `deals_tenant_owner_idx`
--> statement-breakpoint
CREATE INDEX `deals_tenant_owner_idx` ON `deals` (`tenant_id`,`owner`,`created_at`) WHERE owner IS NOT NULL
--> statement-breakpoint
DROP INDEX `leads_tenant_partner_idx`
--> statement-breakpoint
CREATE INDEX `leads_tenant_partner_idx` ON `leads` (`tenant_id`,`partner_id`,`created_at`) WHERE partner_id IS NOT NULL
--> statement-breakpoint
DROP INDEX `leads_tenant_owner_idx`
--> statement-breakpoint
CREATE INDEX `leads_tenant_owner_idx` ON `leads` (`tenant_id`,`owner`,`created_at`) WHERE owner IS NOT NULL
