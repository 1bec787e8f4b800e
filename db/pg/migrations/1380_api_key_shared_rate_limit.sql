-- Keys made by a key count their requests in its rate-limit window too (SQLite 1380_api_key_shared_rate_limit).
ALTER TABLE "api_keys" ADD "rate_limit_key_id" text;
