#!/bin/sh
# Predict a CSV file with a model version from the repository, without a server:
#   inference-rest-war/predict.sh --models-dir models --model default [--version N|production] --data file.csv
# Needs `mvn -pl inference-rest-war package` once (target/classes and target/cli-lib).
here=$(dirname "$0")
exec java -cp "$here/target/classes:$here/target/cli-lib/*" org.mlplatform.inference.PredictCommand "$@"
