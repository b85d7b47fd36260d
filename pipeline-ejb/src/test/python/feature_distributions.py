#!/usr/bin/env python3
"""The expected `features` section (docs/model-repository.md) of the reference data sets, by numpy.

FeatureDistributionsTest compares org.mlplatform.pipeline.drift.FeatureDistributions with the output of
this script, committed as pipeline-ejb/src/test/resources/drift/feature-distributions.json. Written with
numpy 2.4 (any numpy >= 1.22 has the same `method="linear"`). To regenerate, from the checkout's root:

    python3 pipeline-ejb/src/test/python/feature_distributions.py \
        > pipeline-ejb/src/test/resources/drift/feature-distributions.json

Per column of reference/data/<set>/train_data.csv (the training rows as given): np.mean, np.std (ddof 0),
min, max, the inner 10-quantiles np.quantile(q = 0.1 ... 0.9, method="linear", numpy's default) with
duplicates dropped, and the share of rows per bin, bin i holding edges[i-1] < x <= edges[i]
(np.searchsorted(edges, x, side="left")).
"""
import json
import pathlib
import sys

import numpy as np

SETS = ["breast_cancer", "iris", "seed"]
QUANTILES = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]
REFERENCE = pathlib.Path(__file__).resolve().parents[4] / "reference" / "data"


def distribution(column):
    edges = np.unique(np.quantile(column, QUANTILES, method="linear"))  # sorted, duplicates dropped
    bins = np.searchsorted(edges, column, side="left")
    counts = np.bincount(bins, minlength=len(edges) + 1)
    return {"mean": float(np.mean(column)), "std": float(np.std(column)),
            "min": float(np.min(column)), "max": float(np.max(column)),
            "binEdges": [float(e) for e in edges],
            "binShares": [float(c) for c in counts / len(column)]}


def main():
    expected = {}
    for name in SETS:
        rows = np.loadtxt(REFERENCE / name / "train_data.csv", delimiter=",", ndmin=2)
        expected[name] = [distribution(rows[:, j]) for j in range(rows.shape[1])]
    json.dump(expected, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
