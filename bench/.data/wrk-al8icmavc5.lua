wrk.method = "GET"
wrk.headers["x-api-key"] = "elk_BeiGu2FfjLkvxZZKD8IR6k_jKszIiGv0bKJxWjqhqhU"
