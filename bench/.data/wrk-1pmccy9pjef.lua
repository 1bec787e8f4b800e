wrk.method = "POST"
wrk.headers["x-api-key"] = "elk_Lm-iKuLyS0UkICPW4IXHat93vSjicfYOViFkgUK4Bbg"
wrk.headers["content-type"] = "application/json"
counter = 0
request = function()
  counter = counter + 1
  return wrk.format(nil, nil, nil, '{"title":"bench deal ' .. counter .. '","value":' .. (counter % 100000) .. ',"currency":"EUR"}')
end