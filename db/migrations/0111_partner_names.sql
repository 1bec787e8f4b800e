-- A partner's name is unique among the tenant's live partners: deleting one frees its name.
DROP INDEX `partners_tenant_name_idx`;
--> statement-breakpoint
CREATE UNIQUE INDEX `partners_tenant_name_idx` ON `partners` (`tenant_id`,`name`) WHERE deleted_at IS NULL;
