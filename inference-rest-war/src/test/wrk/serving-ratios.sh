#!/usr/bin/env bash
# The serving goals as ratios measured in one run: one server started by ./run.sh, then ROUNDS rounds
# of wrk (2 threads, 32 connections), each endpoint warmed up and measured back to back, every line
# with the load average before it. Endpoints: GET /api/ping and POST /api/ping (no-ops; the POST reads
# the single-row predict body), single-row predict, 1,000-row JSON and CSV batches, and Open Inference
# Protocol infer with 10,000 binary FP32 rows. Ratios are printed per round (single-row predict over
# the no-op POST and GET, p99 over the no-op POST's p99), rows/s for the batches.
#
# A server keeps getting faster for minutes after its start (JIT): every endpoint is first run for
# WARM_UP seconds (default 20) before round 1.
#
# Usage: [WARM_UP=S] inference-rest-war/src/test/wrk/serving-ratios.sh [ROUNDS] [PORT_OFFSET] [SECONDS]   (defaults 2, 600, 15)
# Needs: a build (mvn -DskipTests package), wrk, curl. Models go to a temporary folder.
# With JFR=1 a flight recording of the single-row rounds is written to the temporary folder.
set -euo pipefail

rounds=${1:-2}
offset=${2:-600}
seconds=${3:-15}
project_dir=$(cd "$(dirname "$0")/../../../.." && pwd)
wrk_dir="$project_dir/inference-rest-war/src/test/wrk"
http="http://localhost:$((8080 + offset))"
management="http://localhost:$((9990 + offset))"
work=$(mktemp -d /tmp/serving-ratios.XXXXXX)
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
java_pid=$(pgrep -f "jboss-modules.jar.*port-offset=$offset" | head -1 || true)

# The server's CPU time so far (user + system, in clock ticks)
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$java_pid/stat"; }

# measure SCRIPT URL: prints req/s, p50, p99, the server's CPU time per request (us), non-2xx, load; warm-up first.
# CPU per request depends far less on what else runs on the machine than req/s does.
measure() {
    local script=$1 url=$2 args=() result load before after requests
    [ -n "$script" ] && args=(-s "$script")
    (cd "$wrk_dir" && wrk -t2 -c32 -d5s "${args[@]}" "$url" > /dev/null)
    load=$(cut -d' ' -f1-3 /proc/loadavg)
    before=$(cpu_ticks)
    result=$(cd "$wrk_dir" && wrk -t2 -c32 -d"${seconds}s" --latency "${args[@]}" "$url")
    after=$(cpu_ticks)
    requests=$(printf '%s\n' "$result" | awk '/requests in/ {print $1}')
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' \
        "$(printf '%s\n' "$result" | awk '/Requests\/sec/ {print $2}')" \
        "$(printf '%s\n' "$result" | awk '$1 == "50%" {print $2}')" \
        "$(printf '%s\n' "$result" | awk '$1 == "99%" {print $2}')" \
        "$(awk -v t=$((after - before)) -v n="$requests" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.0f", t * 1e6 / hz / n }')" \
        "$(printf '%s\n' "$result" | awk '/Non-2xx/ {print $5} /Socket errors/ {print "errors:" $0}' | tr '\n' ' ' | grep . || echo 0)" \
        "$load"
}

ms() { # wrk's latency (1.23ms, 456.78us, 1.20s) in ms
    awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /[0-9]s$/ && v !~ /ms$/) n *= 1000; printf "%.3f", n }'
}

[ "${JFR:-0}" = 1 ] && [ -n "$java_pid" ] && jcmd "$java_pid" JFR.start name=serving settings=profile filename="$work/serving.jfr" > /dev/null
for endpoint in ":api/ping" "ping-post.lua:api/ping" "predict-one.lua:api/models/default/predict" \
        "predict-batch.lua:api/models/default/predict" "predict-batch-csv.lua:api/models/default/predict" "infer-binary.lua:v2/models/default/infer"; do
    script=${endpoint%%:*}
    args=()
    [ -n "$script" ] && args=(-s "$script")
    (cd "$wrk_dir" && wrk -t2 -c32 -d"${WARM_UP:-20}s" "${args[@]}" "$http/${endpoint#*:}" > /dev/null)
done
printf 'round\tendpoint\treq/s\tp50\tp99\tserver CPU/request (us)\tnon-2xx/errors\tload (1/5/15 min)\n'
for round in $(seq 1 "$rounds"); do
    get=$(measure "" "$http/api/ping");                                   printf '%s\tGET /api/ping\t%s\n' "$round" "$get"
    post=$(measure ping-post.lua "$http/api/ping");                       printf '%s\tPOST /api/ping\t%s\n' "$round" "$post"
    one=$(measure predict-one.lua "$http/api/models/default/predict");    printf '%s\tpredict 1 row\t%s\n' "$round" "$one"
    read -r get_rps _ _ get_cpu _ <<< "$get"
    read -r post_rps _ post_p99 post_cpu _ <<< "$post"
    read -r one_rps _ one_p99 one_cpu _ <<< "$one"
    awk -v one="$one_rps" -v post="$post_rps" -v get="$get_rps" -v p1="$(ms "$one_p99")" -v p0="$(ms "$post_p99")" -v r="$round" \
        -v c1="$one_cpu" -v c0="$post_cpu" -v cg="$get_cpu" \
        'BEGIN { printf "%s\tratios\tpredict/POST ping %.2fx (goal >= 0.85)\tpredict/GET ping %.2fx (goal >= 0.75)\tp99 predict/POST ping %.2fx (goal <= 1.2)\tCPU per request: POST ping/predict %.2fx, GET ping/predict %.2fx\n", r, one / post, one / get, p1 / p0, c0 / c1, cg / c1 }'
    if [ "${SINGLE_ONLY:-0}" != 1 ]; then
        json=$(measure predict-batch.lua "$http/api/models/default/predict");     printf '%s\tpredict 1,000 rows JSON\t%s\n' "$round" "$json"
        csv=$(measure predict-batch-csv.lua "$http/api/models/default/predict");  printf '%s\tpredict 1,000 rows CSV\t%s\n' "$round" "$csv"
        oip=$(measure infer-binary.lua "$http/v2/models/default/infer");          printf '%s\tOIP infer 10,000 rows binary\t%s\n' "$round" "$oip"
        read -r json_rps _ _ json_cpu _ <<< "$json"; read -r csv_rps _ _ csv_cpu _ <<< "$csv"; read -r oip_rps _ _ oip_cpu _ <<< "$oip"
        awk -v j="$json_rps" -v c="$csv_rps" -v o="$oip_rps" -v r="$round" -v jc="$json_cpu" -v cc="$csv_cpu" -v oc="$oip_cpu" \
            'BEGIN { printf "%s\trows/s\tJSON %.2f M (goal >= 2)\tCSV %.2f M (goal >= 3)\tOIP binary %.2f M (goal >= 10)\tper server CPU-second: JSON %.2f M, CSV %.2f M, OIP binary %.2f M\n", r, j * 1000 / 1e6, c * 1000 / 1e6, o * 10000 / 1e6, 1000 / jc, 1000 / cc, 10000 / oc }'
    fi
done
[ "${JFR:-0}" = 1 ] && [ -n "$java_pid" ] && jcmd "$java_pid" JFR.stop name=serving > /dev/null && echo "JFR recording: $work/serving.jfr"
if [ -n "$java_pid" ]; then
    echo "server RSS: $(awk '/VmRSS/ {print $2, $3}' "/proc/$java_pid/status")"
fi
stop
[ "${JFR:-0}" = 1 ] || rm -rf "$work"
