#!/usr/bin/env bash
# Overhead of drift tracking on single-row predict: the same build started by ./run.sh with the drift
# window on (the default, 10,000 rows) and off (-Dmlplatform.inference.drift-window=0), alternating
# (on/off, then off/on, ...), each start measured with wrk after a warm-up. The first start trains
# the default model (version 1, which may have no baseline); the script then publishes version 2, the
# same model.onnx with a drift baseline (every feature standard normal, the deciles of N(0, 1) as bin
# edges), and all measurements predict with ?version=2, so "on" bins every row. After each
# measurement the version's window fill is printed (up to 10000 on, 0 off) to show what was measured,
# with the server's CPU time per request.
#
# With ONE_SERVER=1 both modes run in one server start instead, which takes the differences between
# starts (JIT, memory layout: up to 29 % between two starts of the same mode) out of the comparison:
# version 3 is the same graph with no baseline (so nothing is tracked for it), and the rounds alternate
# ?version=2 (on) and ?version=3 (off), each warmed up before it is measured.
#
# Usage: [ONE_SERVER=1] inference-rest-war/src/test/wrk/drift-overhead.sh [ROUNDS] [PORT_OFFSET] [SECONDS]   (defaults 2, 800, 30)
# Needs: a build (mvn -DskipTests package), wrk, curl, jq. Models go to a temporary folder.
set -euo pipefail

rounds=${1:-2}
offset=${2:-800}
seconds=${3:-30}
project_dir=$(cd "$(dirname "$0")/../../../.." && pwd)
wrk_dir="$project_dir/inference-rest-war/src/test/wrk"
http="http://localhost:$((8080 + offset))"
management="http://localhost:$((9990 + offset))"
work=$(mktemp -d /tmp/drift-overhead.XXXXXX)
mkdir -p "$work/models"
cp -r "$project_dir/models/data" "$work/models/"
export MLPLATFORM_MODELS_DIR="$work/models"
base_opts="-Xms64m -Xmx512m -Djava.net.preferIPv4Stack=true -Djboss.modules.system.pkgs=org.jboss.byteman -Djava.awt.headless=true"

server_pid=""
stop() {
    if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
        kill -TERM "$server_pid"
        wait "$server_pid" 2>/dev/null || true
    fi
    server_pid=""
}
trap stop EXIT

# Version 2 of the default model: version 1's graph, metadata format 2 with a standard-normal baseline
publish_baseline_version() {
    local from="$work/models/default/1" staging="$work/models/default/.publish-drift"
    mkdir -p "$staging"
    cp "$from/model.onnx" "$staging/"
    jq '.formatVersion = 2 | .version = 2 | .features = [range(.featureCount) | {mean: 0, std: 1, min: -4, max: 4,
            binEdges: [-1.2815515655446004, -0.8416212335729143, -0.5244005127080407, -0.2533471031357997, 0,
                       0.2533471031357997, 0.5244005127080407, 0.8416212335729143, 1.2815515655446004],
            binShares: [0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1]}]' "$from/metadata.json" > "$staging/metadata.json"
    mv "$staging" "$work/models/default/2"
}

# Version 3: the same graph and metadata without a baseline, which the server does not track
publish_untracked_version() {
    local from="$work/models/default/2" staging="$work/models/default/.publish-untracked"
    mkdir -p "$staging"
    cp "$from/model.onnx" "$staging/"
    jq '.version = 3 | del(.features)' "$from/metadata.json" > "$staging/metadata.json"
    mv "$staging" "$work/models/default/3"
}

# The server's CPU time so far (user + system, in clock ticks): CPU per request depends far less on
# what else runs on the machine than req/s does
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }

start_server() {
    local mode=$1 opts=$base_opts
    [ "$mode" = off ] && opts="$opts -Dmlplatform.inference.drift-window=0"
    JAVA_OPTS="$opts" "$project_dir/run.sh" --no-build --port-offset "$offset" > "$work/server-$mode.log" 2>&1 &
    server_pid=$!
    for _ in $(seq 1 180); do
        curl -sf -o /dev/null "$management/health/ready" && break
        sleep 2
    done
    curl -sf -o /dev/null "$management/health/ready" || { echo "server not ready, see $work/server-$mode.log" >&2; exit 1; }
    [ -d "$work/models/default/2" ] || publish_baseline_version
    await_version 2
}

await_version() {
    for _ in $(seq 1 60); do
        curl -sf -o /dev/null "$http/api/models/default/versions/$1" && break
        sleep 2
    done
}

# measure MODE VERSION: warm-up, then one measured wrk run of single-row predict on that version
measure_version() {
    local mode=$1 version=$2
    local url="$http/api/models/default/predict?version=$version"
    (cd "$wrk_dir" && wrk -t2 -c32 -d15s -s predict-one.lua "$url" > /dev/null)
    local load_before result java_pid before after requests
    java_pid=$(pgrep -f "jboss-modules.jar.*port-offset=$offset" | head -1)
    load_before=$(cut -d' ' -f1-3 /proc/loadavg)
    before=$(cpu_ticks "$java_pid")
    result=$(cd "$wrk_dir" && wrk -t2 -c32 -d"${seconds}s" --latency -s predict-one.lua "$url")
    after=$(cpu_ticks "$java_pid")
    requests=$(printf '%s\n' "$result" | awk '/requests in/ {print $1}')
    printf '%s\tdrift %s\t%s req/s\tp50 %s\tp99 %s\tserver CPU %s us/request\tnon-2xx %s\twindow rows %s\tload %s\n' \
        "$(date -u +%H:%M:%S)" "$mode" \
        "$(printf '%s\n' "$result" | awk '/Requests\/sec/ {print $2}')" \
        "$(printf '%s\n' "$result" | awk '$1 == "50%" {print $2}')" \
        "$(printf '%s\n' "$result" | awk '$1 == "99%" {print $2}')" \
        "$(awk -v t=$((after - before)) -v n="$requests" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.0f", t * 1e6 / hz / n }')" \
        "$(printf '%s\n' "$result" | awk '/Non-2xx/ {print $5}' | grep . || echo 0)" \
        "$(curl -sf "$http/api/models/default/versions/$version/drift" | jq '.window.rows')" \
        "$load_before"
}

for round in $(seq 1 "$rounds"); do
    if [ $((round % 2)) -eq 1 ]; then order="on off"; else order="off on"; fi
    if [ "${ONE_SERVER:-0}" = 1 ]; then
        if [ "$round" = 1 ]; then
            start_server on
            [ -d "$work/models/default/3" ] || publish_untracked_version
            await_version 3
        fi
        for mode in $order; do
            if [ "$mode" = on ]; then measure_version on 2; else measure_version off 3; fi
        done
    else
        for mode in $order; do
            start_server "$mode"
            measure_version "$mode" 2
            stop
        done
    fi
done
stop
rm -rf "$work"
