#!/usr/bin/env bash
# Trains a model version from CSV files into a model repository without a server (what the batch
# job runs inside WildFly). Builds pipeline-ejb on first use. Without data options it trains the
# default data set in models/data/default; --help lists the options. The models and data folders
# default to models/ and models/data/ here, or to $MLPLATFORM_MODELS_DIR and $MLPLATFORM_DATA_DIR.
set -euo pipefail
root="$(cd "$(dirname "$0")" && pwd)"
target="$root/pipeline-ejb/target"
if [ ! -d "$target/classes" ] || ! compgen -G "$target/lib/model-repository-*.jar" > /dev/null; then
    mvn -q -B -f "$root/pom.xml" -pl pipeline-ejb -am -DskipTests package >&2
fi
exec java -cp "$target/classes:$target/lib/*" \
    -Dmlplatform.models.dir="${MLPLATFORM_MODELS_DIR:-$root/models}" \
    -Dmlplatform.data.dir="${MLPLATFORM_DATA_DIR:-$root/models/data}" \
    org.mlplatform.pipeline.TrainModelCommand "$@"
