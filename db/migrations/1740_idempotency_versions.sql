-- The version of the record a stored Idempotency-Key answer is about, when it is one record: its replay's strong ETag is made again from it. Null for other answers.
ALTER TABLE `idempotency_keys` ADD `version` integer;
