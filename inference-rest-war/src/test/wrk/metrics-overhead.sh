#!/usr/bin/env bash
# Overhead of the metrics on single-row predict: the same build started by ./run.sh with metrics on
# and off, alternating (on/off, then off/on, ...), each start measured with wrk after a warm-up while
# /metrics is scraped every 15 s as Prometheus would. Off = -Dmlplatform.metrics.enabled=false (the
# services record nothing) and -Dwildfly.statistics-enabled=false (no subsystem statistics).
#
# Usage: inference-rest-war/src/test/wrk/metrics-overhead.sh [ROUNDS] [PORT_OFFSET]   (defaults 2, 700)
# Needs: a build (mvn -DskipTests package), wrk, curl. Models go to a temporary folder.
set -euo pipefail

rounds=${1:-2}
offset=${2:-700}
project_dir=$(cd "$(dirname "$0")/../../../.." && pwd)
wrk_dir="$project_dir/inference-rest-war/src/test/wrk"
http="http://localhost:$((8080 + offset))"
management="http://localhost:$((9990 + offset))"
work=$(mktemp -d /tmp/metrics-overhead.XXXXXX)
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

measure() {
    local mode=$1 opts=$base_opts
    [ "$mode" = off ] && opts="$opts -Dmlplatform.metrics.enabled=false -Dwildfly.statistics-enabled=false"
    JAVA_OPTS="$opts" "$project_dir/run.sh" --no-build --port-offset "$offset" > "$work/server-$mode.log" 2>&1 &
    server_pid=$!
    for _ in $(seq 1 180); do
        curl -sf -o /dev/null "$management/health/ready" && break
        sleep 2
    done
    curl -sf -o /dev/null "$management/health/ready" || { echo "server not ready, see $work/server-$mode.log" >&2; exit 1; }
    (cd "$wrk_dir" && wrk -t2 -c32 -d20s -s predict-one.lua "$http/api/models/default/predict" > /dev/null)
    ( while sleep 15; do curl -s -o /dev/null "$management/metrics"; done ) &
    local scraper=$!
    local load_before result
    load_before=$(cut -d' ' -f1-3 /proc/loadavg)
    result=$(cd "$wrk_dir" && wrk -t2 -c32 -d30s --latency -s predict-one.lua "$http/api/models/default/predict")
    kill "$scraper"
    wait "$scraper" 2>/dev/null || true
    printf '%s\tmetrics %s\t%s req/s\tp50 %s\tp99 %s\tnon-2xx %s\tload %s\n' "$(date -u +%H:%M:%S)" "$mode" \
        "$(printf '%s\n' "$result" | awk '/Requests\/sec/ {print $2}')" \
        "$(printf '%s\n' "$result" | awk '$1 == "50%" {print $2}')" \
        "$(printf '%s\n' "$result" | awk '$1 == "99%" {print $2}')" \
        "$(printf '%s\n' "$result" | awk '/Non-2xx/ {print $5}' | grep . || echo 0)" \
        "$load_before"
    stop
}

for round in $(seq 1 "$rounds"); do
    if [ $((round % 2)) -eq 1 ]; then order="on off"; else order="off on"; fi
    for mode in $order; do
        measure "$mode"
    done
done
rm -rf "$work"
