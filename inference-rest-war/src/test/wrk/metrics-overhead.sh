#!/usr/bin/env bash
# Overhead of the metrics on single-row predict: the same build started by ./run.sh with metrics on
# and off, alternating (on/off, then off/on, ...), each start measured with wrk after a warm-up while
# /metrics is scraped every 15 s as Prometheus would. Off = -Dmlplatform.metrics.enabled=false (the
# services record nothing) and -Dwildfly.statistics-enabled=false (no subsystem statistics).
#
# With ONE_SERVER=1 both run in one server start instead, which takes the differences between starts
# (JIT, memory layout: up to 29 % between two starts of the same mode) out of the comparison: besides
# what ./run.sh deploys, the server gets two copies of the same WAR, deployed the same way, at
# /metrics-on and /metrics-off (whose microprofile-config.properties sets mlplatform.metrics.enabled
# to true and false); the rounds alternate the two URLs, each warmed up before it is measured.
# WildFly's own statistics are on for both there, so this mode measures what the application's
# metrics cost.
#
# Usage: [ONE_SERVER=1] inference-rest-war/src/test/wrk/metrics-overhead.sh [ROUNDS] [PORT_OFFSET] [SECONDS]   (defaults 2, 700, 30)
# Needs: a build (mvn -DskipTests package), wrk, curl, jar (the JDK's). Models go to a temporary folder.
set -euo pipefail

rounds=${1:-2}
offset=${2:-700}
seconds=${3:-30}
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
cli() { "$project_dir/wildfly-config/target/server/bin/jboss-cli.sh" --connect --controller="localhost:$((9990 + offset))" --command="$1"; }
stop() {
    if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
        # A deployment made through the CLI is kept in the server's configuration: take the copy away again
        if [ "${ONE_SERVER:-0}" = 1 ]; then
            cli "undeploy inference-metrics-on.war" > /dev/null 2>&1 || true
            cli "undeploy inference-metrics-off.war" > /dev/null 2>&1 || true
        fi
        kill -TERM "$server_pid"
        wait "$server_pid" 2>/dev/null || true
    fi
    server_pid=""
}
trap stop EXIT

start_server() {
    local mode=$1 opts=$base_opts
    [ "$mode" = off ] && opts="$opts -Dmlplatform.metrics.enabled=false -Dwildfly.statistics-enabled=false"
    JAVA_OPTS="$opts" "$project_dir/run.sh" --no-build --port-offset "$offset" > "$work/server-$mode.log" 2>&1 &
    server_pid=$!
    for _ in $(seq 1 180); do
        curl -sf -o /dev/null "$management/health/ready" && break
        sleep 2
    done
    curl -sf -o /dev/null "$management/health/ready" || { echo "server not ready, see $work/server-$mode.log" >&2; exit 1; }
    java_pid=$(pgrep -f "jboss-modules.jar.*port-offset=$offset" | head -1 || true)
}

# A copy of the WAR at /metrics-MODE; for off, its own microprofile-config.properties switches the
# application's metrics off
deploy_copy() {
    local mode=$1 staging="$work/metrics-$1" war="$work/inference-metrics-$1.war"
    mkdir -p "$staging/WEB-INF/classes/META-INF"
    cp "$project_dir/inference-rest-war/target/inference-rest-war.war" "$war"
    (cd "$staging" && jar xf "$war" WEB-INF/classes/META-INF/microprofile-config.properties)
    echo "mlplatform.metrics.enabled=$([ "$mode" = on ] && echo true || echo false)" \
        >> "$staging/WEB-INF/classes/META-INF/microprofile-config.properties"
    sed "s|<context-root>/</context-root>|<context-root>/metrics-$mode</context-root>|" \
        "$project_dir/inference-rest-war/src/main/webapp/WEB-INF/jboss-web.xml" > "$staging/WEB-INF/jboss-web.xml"
    (cd "$staging" && jar uf "$war" WEB-INF/jboss-web.xml WEB-INF/classes/META-INF/microprofile-config.properties)
    cli "deploy --force $war" > /dev/null
    for _ in $(seq 1 60); do
        curl -sf -o /dev/null "$http/metrics-$mode/v2/models/default/ready" && return
        sleep 2
    done
    echo "the /metrics-$mode copy serves no model" >&2
    exit 1
}

# The server's CPU time so far (user + system, in clock ticks)
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$java_pid/stat"; }

# Prediction requests the scrape endpoint has counted so far (all label sets)
counted() { curl -s "$management/metrics" | awk '/^mlplatform_inference_requests_total/ { sum += $NF } END { printf "%.0f", sum }'; }

# measure MODE URL: warm-up, then wrk while /metrics is scraped every 15 s as Prometheus would
measure() {
    local mode=$1 url=$2 warm_up=$3
    (cd "$wrk_dir" && wrk -t2 -c32 -d"$warm_up" -s predict-one.lua "$url" > /dev/null)
    ( while sleep 15; do curl -s -o /dev/null "$management/metrics"; done ) &
    local scraper=$!
    local load_before result before after requests counted_before counted_after
    load_before=$(cut -d' ' -f1-3 /proc/loadavg)
    counted_before=$(counted)
    before=$(cpu_ticks)
    result=$(cd "$wrk_dir" && wrk -t2 -c32 -d"${seconds}s" --latency -s predict-one.lua "$url")
    after=$(cpu_ticks)
    counted_after=$(counted)
    kill "$scraper"
    wait "$scraper" 2>/dev/null || true
    requests=$(printf '%s\n' "$result" | awk '/requests in/ {print $1}')
    printf '%s\tmetrics %s\t%s req/s\tp50 %s\tp99 %s\tserver CPU/request %s us\tcounted by /metrics %s of %s\tnon-2xx %s\tload %s\n' "$(date -u +%H:%M:%S)" "$mode" \
        "$(printf '%s\n' "$result" | awk '/Requests\/sec/ {print $2}')" \
        "$(printf '%s\n' "$result" | awk '$1 == "50%" {print $2}')" \
        "$(printf '%s\n' "$result" | awk '$1 == "99%" {print $2}')" \
        "$(awk -v t=$((after - before)) -v n="$requests" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.0f", t * 1e6 / hz / n }')" \
        "$((counted_after - counted_before))" "$requests" \
        "$(printf '%s\n' "$result" | awk '/Non-2xx/ {print $5}' | grep . || echo 0)" \
        "$load_before"
}

if [ "${ONE_SERVER:-0}" = 1 ]; then
    start_server on
    deploy_copy on
    deploy_copy off
    # Both copies' code is compiled before the first measurement counts
    measure on "$http/metrics-on/api/models/default/predict" 60s > /dev/null
    measure off "$http/metrics-off/api/models/default/predict" 60s > /dev/null
fi
for round in $(seq 1 "$rounds"); do
    if [ $((round % 2)) -eq 1 ]; then order="on off"; else order="off on"; fi
    for mode in $order; do
        if [ "${ONE_SERVER:-0}" = 1 ]; then
            measure "$mode" "$http/metrics-$mode/api/models/default/predict" 15s
        else
            start_server "$mode"
            measure "$mode" "$http/api/models/default/predict" 20s
            stop
        fi
    done
done
stop
rm -rf "$work"
