-- wrk: the same 1,000 rows as predict-batch.lua, sent as headerless CSV
wrk.method = "POST"
wrk.headers["Content-Type"] = "text/csv"
local rows = {}
for i = 1, 1000 do
  local cells = {}
  for j = 1, 10 do
    cells[j] = string.format("%.6f", math.sin(i * 10 + j) * 2)
  end
  rows[i] = table.concat(cells, ",")
end
wrk.body = table.concat(rows, "\n") .. "\n"
