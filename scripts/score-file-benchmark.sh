#!/usr/bin/env bash
# Rows per second of the score-file job through a running inference service (docs/benchmarks.md,
# "Scoring files"): runs WARM_UP jobs, then JOBS measured ones, one after another, each on INPUT (a path
# in the data folder) with MODEL's latest version and the default parameters, and deletes each output.
# A job's rate is its rows over its own ended - started, so the polling does not time it; it polls once
# a second because a tighter loop of curl processes takes CPU from the job on a small machine.
# With SERVER_PID set, it also prints the server's CPU time per row.
#   scripts/score-file-benchmark.sh BASE_URL USER PASSWORD DATA_FOLDER INPUT MODEL [WARM_UP] [JOBS]
set -euo pipefail
base_url=$1 user=$2 password=$3 data_folder=$4 input=$5 model=$6 warm_up=${7:-30} jobs=${8:-30}

server_cpu_ticks() {
    if [ -n "${SERVER_PID:-}" ]; then awk '{print $14 + $15}' "/proc/$SERVER_PID/stat"; else echo 0; fi
}

# Prints "rows seconds rowsPerSecond stepRowsPerSecond output" of one finished job
run_job() {
    local response location status
    response=$(curl -s -D - -o - -u "$user:$password" -H 'Content-Type: application/json' \
        "$base_url/api/scorings" -d "{\"model\": \"$model\", \"input\": \"$input\"}" | tr -d '\r')
    location=$(printf '%s\n' "$response" | sed -n 's/^[Ll]ocation: //p')
    if [ -z "$location" ]; then
        echo "the job was not accepted: $response" >&2
        exit 1
    fi
    while true; do
        sleep 1
        status=$(curl -sf "$location") || { echo "cannot read $location" >&2; exit 1; }
        case "$status" in
            *'"status":"COMPLETED"'*) break ;;
            *'"status":"FAILED"'* | *'"status":"STOPPED"'* | *'"status":"ABANDONED"'*)
                echo "the job did not complete: $status" >&2
                exit 1 ;;
        esac
    done
    printf '%s' "$status" | python3 -c '
import json, sys
from datetime import datetime
s = json.load(sys.stdin)
seconds = (datetime.fromisoformat(s["ended"].replace("Z", "+00:00"))
           - datetime.fromisoformat(s["started"].replace("Z", "+00:00"))).total_seconds()
print(s["rowsDone"], seconds, round(s["rowsDone"] / seconds), s["rowsPerSecond"], s["output"])'
}

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
for i in $(seq 1 "$warm_up"); do
    result=$(run_job)
    read -r _ _ _ _ output <<< "$result"
    rm -f "$data_folder/$output"
done
rates=()
for i in $(seq 1 "$jobs"); do
    before=$(server_cpu_ticks)
    result=$(run_job)
    read -r rows seconds rate step output <<< "$result"
    after=$(server_cpu_ticks)
    rm -f "$data_folder/$output"
    rates+=("$rate")
    cpu=""
    if [ -n "${SERVER_PID:-}" ]; then
        cpu=$(python3 -c "print(f', server CPU {($after - $before) * 1e4 / $rows:.2f} us/row')")
    fi
    echo "job $i: $rows rows in $seconds s = $rate rows/s (score step $step rows/s)$cpu"
done
printf '%s\n' "${rates[@]}" | python3 -c '
import sys
r = sorted(int(line) for line in sys.stdin)
print(f"{len(r)} jobs: min {r[0]:,} median {r[len(r) // 2]:,} max {r[-1]:,} rows/s; {sum(x >= 2_000_000 for x in r)} at 2 M or more")'
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
