-- Deal and lead list filter indexes end with created_at so a filtered page
-- needs no sort (owner and lead pipeline indexes come from 0100).
DROP INDEX `leads_tenant_stage_idx`;
--> statement-breakpoint
DROP INDEX `leads_tenant_partner_idx`;
--> statement-breakpoint
DROP INDEX `deals_tenant_partner_idx`;
--> statement-breakpoint
CREATE INDEX `leads_tenant_stage_idx` ON `leads` (`tenant_id`,`stage_id`,`created_at`);
--> statement-breakpoint
CREATE INDEX `leads_tenant_partner_idx` ON `leads` (`tenant_id`,`partner_id`,`created_at`);
--> statement-breakpoint
CREATE INDEX `deals_tenant_partner_idx` ON `deals` (`tenant_id`,`partner_id`,`created_at`);
--> statement-breakpoint
DROP INDEX `deals_tenant_pipeline_idx`;
--> statement-breakpoint
CREATE INDEX `deals_tenant_pipeline_idx` ON `deals` (`tenant_id`,`pipeline_id`,`created_at`);
