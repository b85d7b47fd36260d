#!/usr/bin/env python3
"""The expected explanations of ExplainerTest, computed with numpy alone from a version's metadata.json.

For each row x (rounded to float32 first, as the service reads request values and as the ONNX graph sees
them; then computed in float64) and each logit k (binary: one, the logit of classes[1]; K > 2: one per class):
    scaled_j      = (x_j - scaler.center_j) / scaler.scale_j
    scaledMean_j  = (features[j].mean - scaler.center_j) / scaler.scale_j
    contribution  = coefficients[k][j] * (scaled_j - scaledMean_j)
    base          = intercepts[k] + sum_j coefficients[k][j] * scaledMean_j
    logit         = intercepts[k] + sum_j coefficients[k][j] * scaled_j        (= base + sum of contributions)
and the probabilities: sigmoid of the logit (binary, [1 - p, p]) or the softmax of the K logits.

The fixtures in inference-rest-war/src/test/resources/explanations/<model>/ were made so, from the
repository root (numpy 2.4; the versions trained by the real pipeline, ./train.sh):

    for spec in "seed seed --class-weight balanced --scaler robust" \
                "breast_cancer breast-cancer --class-weight none --scaler standard" \
                "iris iris --class-weight none --scaler standard" \
                "iris iris-raw --C 0.1 --class-weight none --scaler none"; do
      set -- $spec; data=reference/data/$1; model=explain-$2; shift 2
      MLPLATFORM_MODELS_DIR=/tmp/explain-models ./train.sh --train-data $data/train_data.csv \
        --train-labels $data/train_labels.csv --test-data $data/test_data.csv --test-labels $data/test_labels.csv \
        --model $model "$@"
      out=inference-rest-war/src/test/resources/explanations/$model; mkdir -p $out
      cp /tmp/explain-models/$model/1/model.onnx $out/
      python3 inference-rest-war/src/test/python/explain_reference.py baseline \
        /tmp/explain-models/$model/1/metadata.json $data/train_data.csv $out/metadata.json
      python3 inference-rest-war/src/test/python/explain_reference.py expected \
        $out/metadata.json $data/test_data.csv $out/expected.json
    done

`baseline` copies metadata.json byte for byte when it has a `features` section (the pipeline writes one since
the drift baseline; the committed fixtures are such copies). A file without one (trained before) gets one
computed here from the training rows as docs/model-repository.md defines it (the means agreed with the
pipeline's to 1.5e-14 on these sets). `expected` writes the expected explanations.
"""
import json
import shutil
import sys

import numpy as np


def read_rows(path):
    return np.loadtxt(path, delimiter=",", dtype=np.float64, ndmin=2)


def feature_distribution(column):
    edges = np.unique(np.quantile(column, np.linspace(0.1, 0.9, 9)))
    # bin i holds x with edges[i-1] < x <= edges[i]
    bins = np.searchsorted(edges, column, side="left")
    shares = np.bincount(bins, minlength=len(edges) + 1) / len(column)
    return {"mean": float(np.mean(column)), "std": float(np.std(column)), "min": float(np.min(column)),
            "max": float(np.max(column)), "binEdges": [float(e) for e in edges], "binShares": [float(s) for s in shares]}


def baseline(metadata_path, train_data_path, out_path):
    with open(metadata_path) as f:
        metadata = json.load(f)
    if "features" in metadata:
        shutil.copyfile(metadata_path, out_path)
        return
    rows = read_rows(train_data_path)
    features = [feature_distribution(rows[:, j]) for j in range(rows.shape[1])]
    # in the documented member order: after metrics, before roc and onnx
    ordered = {}
    for key, value in metadata.items():
        if key in ("roc", "onnx") and "features" not in ordered:
            ordered["features"] = features
        ordered[key] = value
    metadata = ordered
    with open(out_path, "w") as f:
        json.dump(metadata, f, indent=1)
        f.write("\n")


def learned_state(metadata):
    state = metadata.get("algorithm") or metadata
    return np.array(state["coefficients"], dtype=np.float64), np.array(state["intercepts"], dtype=np.float64)


def expected(metadata_path, rows_path, out_path):
    with open(metadata_path) as f:
        metadata = json.load(f)
    coefficients, intercepts = learned_state(metadata)
    center = np.array(metadata["scaler"]["center"], dtype=np.float64)
    scale = np.array(metadata["scaler"]["scale"], dtype=np.float64)
    means = np.array([feature["mean"] for feature in metadata["features"]], dtype=np.float64)
    rows = read_rows(rows_path).astype(np.float32).astype(np.float64)

    scaled = (rows - center) / scale
    scaled_mean = (means - center) / scale
    contributions = coefficients[np.newaxis, :, :] * (scaled - scaled_mean)[:, np.newaxis, :]  # [row, logit, feature]
    base = intercepts + coefficients @ scaled_mean
    logits = intercepts + scaled @ coefficients.T
    if coefficients.shape[0] == 1:
        p = 1.0 / (1.0 + np.exp(-logits[:, 0]))
        probabilities = np.stack([1.0 - p, p], axis=1)
        logit_classes = [1]
    else:
        shifted = np.exp(logits - logits.max(axis=1, keepdims=True))
        probabilities = shifted / shifted.sum(axis=1, keepdims=True)
        logit_classes = list(range(coefficients.shape[0]))

    document = {
        "metadata": "metadata.json",
        "rows": rows_path,
        "inputRounding": "float32",
        "explanations": [{
            "predictedClass": int(np.argmax(probabilities[i])),
            "probabilities": probabilities[i].tolist(),
            "logits": [{"classIndex": logit_classes[k], "logit": float(logits[i, k]), "base": float(base[k]),
                        "contributions": contributions[i, k].tolist()} for k in range(coefficients.shape[0])],
        } for i in range(rows.shape[0])],
    }
    with open(out_path, "w") as f:
        json.dump(document, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "baseline":
        baseline(*sys.argv[2:])
    elif len(sys.argv) == 5 and sys.argv[1] == "expected":
        expected(*sys.argv[2:])
    else:
        sys.exit(__doc__)
