-- The value index becomes one B-tree: a WITHOUT ROWID table keyed by what
-- filters, unique checks and deletes look up (tenant, object, key, value,
-- record). The unused value column holds '' or 0, since key columns cannot
-- be null.
CREATE TABLE `custom_field_values_keyed` (
	`tenant_id` text NOT NULL,
	`object_type` text NOT NULL,
	`field_key` text NOT NULL,
	`value_text` text DEFAULT '' NOT NULL,
	`value_num` real DEFAULT 0 NOT NULL,
	`record_id` text NOT NULL,
	PRIMARY KEY(`tenant_id`, `object_type`, `field_key`, `value_text`, `value_num`, `record_id`)
) WITHOUT ROWID;
--> statement-breakpoint
INSERT OR IGNORE INTO `custom_field_values_keyed`
  SELECT `tenant_id`, `object_type`, `field_key`, coalesce(`value_text`, ''), coalesce(`value_num`, 0), `record_id`
  FROM `custom_field_values`;
--> statement-breakpoint
DROP TABLE `custom_field_values`;
--> statement-breakpoint
ALTER TABLE `custom_field_values_keyed` RENAME TO `custom_field_values`;
