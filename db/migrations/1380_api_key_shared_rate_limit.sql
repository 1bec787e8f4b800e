-- Keys made by a key count their requests in its rate-limit window too (null: made by the operator).
ALTER TABLE `api_keys` ADD `rate_limit_key_id` text;
