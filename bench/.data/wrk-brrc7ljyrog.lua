wrk.method = "GET"

