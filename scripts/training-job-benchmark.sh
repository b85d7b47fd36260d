#!/usr/bin/env bash
# Times one train-model job end to end through a running builder (docs/benchmarks.md, "Training job"):
# writes a seeded synthetic 180,000 x 50 binary problem (CSV, about 95 MB) into <data folder>/job-benchmark
# once, POSTs a job on it with 5 folds and polls until it ends, then prints the time from the POST to the
# end and each step's duration as the job recorded them.
#   scripts/training-job-benchmark.sh BASE_URL USER PASSWORD DATA_FOLDER [ROWS] [COLUMNS]
set -euo pipefail
base_url=$1 user=$2 password=$3 data_folder=$4 rows=${5:-180000} columns=${6:-50}
folder="$data_folder/job-benchmark-${rows}x${columns}"
if [ ! -f "$folder/train_labels.csv" ]; then
    mkdir -p "$folder"
    generator=$(mktemp -d)/JobBenchmarkData.java
    cat > "$generator" <<'JAVA'
import java.io.*;
import java.nio.file.*;
import java.util.*;

/** Standard-normal features, labels from a logistic model with Gaussian weights, 5% flipped. */
public class JobBenchmarkData {
    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args[0]);
        int rows = Integer.parseInt(args[1]), columns = Integer.parseInt(args[2]);
        Random random = new Random(20240501L);
        double[] weights = new double[columns];
        for (int j = 0; j < columns; j++) weights[j] = random.nextGaussian();
        try (Writer data = Files.newBufferedWriter(folder.resolve("train_data.csv"));
             Writer labels = Files.newBufferedWriter(folder.resolve("train_labels.csv"))) {
            for (int i = 0; i < rows; i++) {
                StringBuilder line = new StringBuilder();
                double logit = 0;
                for (int j = 0; j < columns; j++) {
                    double x = random.nextGaussian();
                    logit += weights[j] * x;
                    line.append(j == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.6f", x));
                }
                int label = random.nextDouble() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
                if (random.nextDouble() < 0.05) label = 1 - label;
                data.write(line.append('\n').toString());
                labels.write(label + "\n");
            }
        }
    }
}
JAVA
    java "$generator" "$folder" "$rows" "$columns"
fi
name=$(basename "$folder")
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
start=$(date +%s.%N)
location=$(curl -sf -D - -o /dev/null -u "$user:$password" -H 'Content-Type: application/json' \
    "$base_url/builder/api/trainings" \
    -d "{\"model\": \"job-benchmark\", \"trainData\": \"$name/train_data.csv\", \"trainLabels\": \"$name/train_labels.csv\", \"cvFolds\": 5}" \
    | tr -d '\r' | sed -n 's/^[Ll]ocation: //p')
accepted=$(date +%s.%N)
while true; do
    status=$(curl -sf "$location")
    batch=$(printf '%s' "$status" | python3 -c 'import json,sys; print(json.load(sys.stdin)["status"])')
    case "$batch" in COMPLETED|FAILED|STOPPED|ABANDONED) break ;; esac
    sleep 0.1
done
end=$(date +%s.%N)
printf 'POST answered in %.2f s; end to end %.2f s; status %s\n' "$(echo "$accepted - $start" | bc)" \
    "$(echo "$end - $start" | bc)" "$batch"
printf '%s' "$status" | python3 -c '
import json, sys
from datetime import datetime
s = json.load(sys.stdin)
t = lambda v: datetime.fromisoformat(v.replace("Z", "+00:00"))
print("job (start to end) %.2f s" % (t(s["ended"]) - t(s["started"])).total_seconds())
# each step from the end of the one before (a partitioned step records its own start late)
previous = t(s["started"])
for step in s["steps"]:
    print("  %-17s %.2f s" % (step["name"], (t(step["ended"]) - previous).total_seconds()))
    previous = t(step["ended"])
if s.get("failure"): print("failure:", s["failure"])'
