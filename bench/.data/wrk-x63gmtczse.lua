wrk.method = "GET"
wrk.headers["x-api-key"] = "elk_Lm-iKuLyS0UkICPW4IXHat93vSjicfYOViFkgUK4Bbg"
