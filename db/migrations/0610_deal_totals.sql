-- Open pipeline value per tenant, kept in step with deals by triggers (same transaction as the write).
CREATE TABLE `tenant_deal_totals` (
  `tenant_id` text PRIMARY KEY NOT NULL,
  `open_value` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
INSERT INTO `tenant_deal_totals` (`tenant_id`, `open_value`)
  SELECT `tenant_id`, coalesce(sum(`value`), 0) FROM `deals`
  WHERE `status` = 'open' AND `deleted_at` IS NULL GROUP BY `tenant_id`;
--> statement-breakpoint
CREATE TRIGGER `deals_totals_insert` AFTER INSERT ON `deals`
WHEN new.`status` = 'open' AND new.`deleted_at` IS NULL
BEGIN
  INSERT INTO `tenant_deal_totals` (`tenant_id`, `open_value`) VALUES (new.`tenant_id`, new.`value`)
  ON CONFLICT (`tenant_id`) DO UPDATE SET `open_value` = `open_value` + excluded.`open_value`;
END;
--> statement-breakpoint
CREATE TRIGGER `deals_totals_update` AFTER UPDATE OF `status`, `value`, `deleted_at`, `tenant_id` ON `deals`
BEGIN
  UPDATE `tenant_deal_totals` SET `open_value` = `open_value` - old.`value`
  WHERE `tenant_id` = old.`tenant_id` AND old.`status` = 'open' AND old.`deleted_at` IS NULL;
  INSERT INTO `tenant_deal_totals` (`tenant_id`, `open_value`)
  SELECT new.`tenant_id`, new.`value` WHERE new.`status` = 'open' AND new.`deleted_at` IS NULL
  ON CONFLICT (`tenant_id`) DO UPDATE SET `open_value` = `open_value` + excluded.`open_value`;
END;
--> statement-breakpoint
CREATE TRIGGER `deals_totals_delete` AFTER DELETE ON `deals`
WHEN old.`status` = 'open' AND old.`deleted_at` IS NULL
BEGIN
  UPDATE `tenant_deal_totals` SET `open_value` = `open_value` - old.`value` WHERE `tenant_id` = old.`tenant_id`;
END;
