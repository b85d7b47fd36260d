-- wrk: 1,000-row JSON predict (10 features, deterministic values); report rows/s = requests/s * 1000
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local rows = {}
for i = 1, 1000 do
  local cells = {}
  for j = 1, 10 do
    cells[j] = string.format("%.6f", math.sin(i * 10 + j) * 2)
  end
  rows[i] = "[" .. table.concat(cells, ",") .. "]"
end
wrk.body = '{"instances":[' .. table.concat(rows, ",") .. ']}'
