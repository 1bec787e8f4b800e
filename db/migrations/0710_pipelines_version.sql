-- One version for all tenants' pipelines and stages, bumped by every change to
-- either: the placement a new deal or lead gets by default (the tenant's
-- default pipeline and its first open stage) is cached against it
-- (plugins/pipelines/placement.ts), in every process on the database.
INSERT OR IGNORE INTO `counters` (`name`, `value`) VALUES ('pipelines', 0)
--> statement-breakpoint
CREATE TRIGGER `pipelines_version_insert` AFTER INSERT ON `pipelines` BEGIN
  UPDATE `counters` SET `value` = `value` + 1 WHERE `name` = 'pipelines';
END
--> statement-breakpoint
CREATE TRIGGER `pipelines_version_update` AFTER UPDATE ON `pipelines` BEGIN
  UPDATE `counters` SET `value` = `value` + 1 WHERE `name` = 'pipelines';
END
--> statement-breakpoint
CREATE TRIGGER `pipelines_version_delete` AFTER DELETE ON `pipelines` BEGIN
  UPDATE `counters` SET `value` = `value` + 1 WHERE `name` = 'pipelines';
END
--> statement-breakpoint
CREATE TRIGGER `stages_version_insert` AFTER INSERT ON `stages` BEGIN
  UPDATE `counters` SET `value` = `value` + 1 WHERE `name` = 'pipelines';
END
--> statement-breakpoint
CREATE TRIGGER `stages_version_update` AFTER UPDATE ON `stages` BEGIN
  UPDATE `counters` SET `value` = `value` + 1 WHERE `name` = 'pipelines';
END
--> statement-breakpoint
CREATE TRIGGER `stages_version_delete` AFTER DELETE ON `stages` BEGIN
  UPDATE `counters` SET `value` = `value` + 1 WHERE `name` = 'pipelines';
END
