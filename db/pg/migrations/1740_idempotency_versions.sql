-- The version of the record a stored Idempotency-Key answer is about (SQLite 1740_idempotency_versions).
ALTER TABLE "idempotency_keys" ADD "version" bigint;
