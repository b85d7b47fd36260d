#!/usr/bin/env bash
# Heap under mixed load: one server started by ./run.sh, then MINUTES minutes of four wrk clients at
# once (1 thread, 4 connections each: single-row JSON predict, 1,000-row JSON and CSV batches, 10,000-row
# OIP binary infer), in 30 s slices. After each slice a full GC (jcmd GC.run) and the heap used after
# it (jcmd GC.heap_info), the process RSS, the requests of the slice and the load average are printed:
# a heap that stays flat from slice to slice while millions of rows pass does not grow per request.
#
# Usage: inference-rest-war/src/test/wrk/heap-soak.sh [MINUTES] [PORT_OFFSET]   (defaults 10, 600)
# Needs: a build (mvn -DskipTests package), wrk, curl, jcmd. Models go to a temporary folder.
set -euo pipefail

minutes=${1:-10}
offset=${2:-600}
project_dir=$(cd "$(dirname "$0")/../../../.." && pwd)
wrk_dir="$project_dir/inference-rest-war/src/test/wrk"
http="http://localhost:$((8080 + offset))"
management="http://localhost:$((9990 + offset))"
work=$(mktemp -d /tmp/heap-soak.XXXXXX)
mkdir -p "$work/models"
cp -r "$project_dir/models/data" "$work/models/"
export MLPLATFORM_MODELS_DIR="$work/models"
export JAVA_OPTS="${JAVA_OPTS:--Xms64m -Xmx512m -Djava.net.preferIPv4Stack=true -Djboss.modules.system.pkgs=org.jboss.byteman -Djava.awt.headless=true}"

server_pid=""
stop() {
    if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
        kill -TERM "$server_pid"
        wait "$server_pid" 2>/dev/null || true
    fi
}
trap stop EXIT

"$project_dir/run.sh" --no-build --port-offset "$offset" > "$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 180); do
    curl -sf -o /dev/null "$management/health/ready" && break
    sleep 2
done
curl -sf -o /dev/null "$management/health/ready" || { echo "server not ready, see $work/server.log" >&2; exit 1; }
input_name=$(curl -sf "$http/v2/models/default" | sed -n 's/.*"inputs":\[{"name":"\([^"]*\)".*/\1/p')
export INPUT_NAME=${input_name:-input}
java_pid=$(pgrep -f "jboss-modules.jar.*port-offset=$offset" | head -1)

heap_used() { # MB used after a full GC
    jcmd "$java_pid" GC.run > /dev/null
    jcmd "$java_pid" GC.heap_info | awk '/heap/ && /used/ { for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i + 1); sub(/K,?$/, "", v); printf "%.1f", v / 1024; exit } }'
}
rss() { awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$java_pid/status"; }
requests() { awk '/requests in/ { print $1 }' "$1"; }

printf 'slice\tend (UTC)\theap used after GC (MB)\tRSS (MB)\t1 row\t1,000 JSON\t1,000 CSV\t10,000 binary\trows in slice\tload (1/5/15 min)\n'
printf '0\t%s\t%s\t%s\t\t\t\t\t\t%s\n' "$(date -u +%H:%M:%S)" "$(heap_used)" "$(rss)" "$(cut -d' ' -f1-3 /proc/loadavg)"
slices=$((minutes * 2))
total_rows=0
for slice in $(seq 1 "$slices"); do
    clients=()
    (cd "$wrk_dir" && wrk -t1 -c4 -d30s -s predict-one.lua "$http/api/models/default/predict" > "$work/one.txt") & clients+=($!)
    (cd "$wrk_dir" && wrk -t1 -c4 -d30s -s predict-batch.lua "$http/api/models/default/predict" > "$work/json.txt") & clients+=($!)
    (cd "$wrk_dir" && wrk -t1 -c4 -d30s -s predict-batch-csv.lua "$http/api/models/default/predict" > "$work/csv.txt") & clients+=($!)
    (cd "$wrk_dir" && wrk -t1 -c4 -d30s -s infer-binary.lua "$http/v2/models/default/infer" > "$work/oip.txt") & clients+=($!)
    wait "${clients[@]}"
    one=$(requests "$work/one.txt"); json=$(requests "$work/json.txt"); csv=$(requests "$work/csv.txt"); oip=$(requests "$work/oip.txt")
    rows=$((one + json * 1000 + csv * 1000 + oip * 10000))
    total_rows=$((total_rows + rows))
    if grep -q "Non-2xx" "$work"/*.txt; then echo "non-2xx answers:"; grep -H "Non-2xx" "$work"/*.txt; fi
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$slice" "$(date -u +%H:%M:%S)" "$(heap_used)" "$(rss)" "$one" "$json" "$csv" "$oip" \
        "$rows" "$(cut -d' ' -f1-3 /proc/loadavg)"
done
echo "rows scored in all: $total_rows"
stop
rm -rf "$work"
