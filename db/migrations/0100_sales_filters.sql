CREATE INDEX `deals_tenant_owner_idx` ON `deals` (`tenant_id`,`owner`,`created_at`);
--> statement-breakpoint
CREATE INDEX `deals_tenant_pipeline_idx` ON `deals` (`tenant_id`,`pipeline_id`,`status`);
--> statement-breakpoint
CREATE INDEX `deals_tenant_contact_idx` ON `deals` (`tenant_id`,`contact_id`);
--> statement-breakpoint
CREATE INDEX `deals_tenant_company_idx` ON `deals` (`tenant_id`,`company_id`);
--> statement-breakpoint
CREATE INDEX `leads_tenant_source_idx` ON `leads` (`tenant_id`,`source`,`created_at`);
--> statement-breakpoint
CREATE INDEX `leads_tenant_owner_idx` ON `leads` (`tenant_id`,`owner`,`created_at`);
--> statement-breakpoint
CREATE INDEX `leads_tenant_pipeline_idx` ON `leads` (`tenant_id`,`pipeline_id`,`created_at`);
