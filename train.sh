#!/usr/bin/env bash
# Trains a model version from CSV files into a model repository without a server (what the batch
# job runs inside WildFly). Builds pipeline-ejb on first use. Run with no arguments for the options.
set -euo pipefail
root="$(cd "$(dirname "$0")" && pwd)"
target="$root/pipeline-ejb/target"
if [ ! -d "$target/classes" ] || [ ! -d "$target/lib" ]; then
    mvn -q -B -f "$root/pom.xml" -pl pipeline-ejb -am -DskipTests package >&2
fi
exec java -cp "$target/classes:$target/lib/*" org.mlplatform.pipeline.TrainModelCommand "$@"
