-- wrk: Open Inference Protocol infer with the binary tensor extension, 10,000 rows x 10 FP32
-- features as raw little-endian bytes after the JSON header, both outputs asked for as binary.
-- The input's name comes from the environment (INPUT_NAME, default "input"); rows/s = requests/s * 10000
local ffi = require("ffi")
local rows, columns = 10000, 10
local values = ffi.new("float[?]", rows * columns)
for i = 0, rows - 1 do
  for j = 0, columns - 1 do
    values[i * columns + j] = math.sin((i + 1) * 10 + j + 1) * 2
  end
end
local data = ffi.string(values, rows * columns * 4)
local header = string.format('{"inputs":[{"name":"%s","shape":[%d,%d],"datatype":"FP32","parameters":{"binary_data_size":%d}}],'
    .. '"outputs":[{"name":"label","parameters":{"binary_data":true}},{"name":"probabilities","parameters":{"binary_data":true}}]}',
    os.getenv("INPUT_NAME") or "input", rows, columns, #data)
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/octet-stream"
wrk.headers["Inference-Header-Content-Length"] = tostring(#header)
wrk.body = header .. data
