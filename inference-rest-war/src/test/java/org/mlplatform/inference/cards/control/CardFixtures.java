package org.mlplatform.inference.cards.control;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.mlplatform.repository.MetadataJson;
import org.mlplatform.repository.ModelMetadata;

/** metadata.json documents for the renderer tests, and counting what a page contains. */
final class CardFixtures {

    static final String HOSTILE = "<script>alert(1)</script>";

    private CardFixtures() {
    }

    /** A trained 3-class version with 4 features (the first named {@link #HOSTILE}), a test set and ROC curves. */
    static ModelMetadata multinomial() {
        return read("""
                {"formatVersion": 2, "model": "iris", "version": 3, "createdAt": "2026-12-01T20:00:00Z", "source": "trained",
                 "trainingFingerprint": "abc123", "classLabelType": "string", "classes": ["setosa", "versicolor", "<b>virginica</b>"],
                 "featureCount": 4, "featureNames": ["<script>alert(1)</script>", "sepal width", "petal length", "petal width"],
                 "params": {"C": 1.0, "classWeight": "BALANCED", "scaler": "ROBUST", "resample": "NONE", "tol": 1e-8,
                            "maxIter": 100, "cvFolds": 2, "seed": 42},
                 "scaler": {"kind": "ROBUST", "center": [5.8, 3.0, 4.35, 1.3], "scale": [1.3, 0.5, 3.5, 1.5]},
                 "algorithm": {"name": "logistic-regression", "coefficients": [[-1, 1, -2, -2], [0.5, -0.5, 0.1, -0.2], [0.5, -0.5, 1.9, 2.2]],
                               "intercepts": [0.1, 0.2, -0.3]},
                 "dataset": {"files": {"train.csv": "ff00"}, "rows": 120, "classCounts": {"setosa": 40, "versicolor": 40, "<b>virginica</b>": 40}},
                 "metrics": {"cv": {"folds": 2, "accuracy": 0.95, "logLoss": 0.2, "rocAuc": 0.99,
                                    "perFold": [{"rows": 60, "accuracy": 0.95, "logLoss": 0.2, "confusionMatrix": [[20, 0, 0], [0, 18, 2], [0, 1, 19]]},
                                                {"rows": 60, "accuracy": 0.95, "logLoss": 0.2, "confusionMatrix": [[20, 0, 0], [0, 19, 1], [0, 2, 18]]}]},
                             "test": {"rows": 30, "accuracy": 0.9667, "logLoss": 0.1, "rocAuc": 0.998,
                                      "confusionMatrix": [[10, 0, 0], [0, 9, 1], [0, 0, 10]]}},
                 "features": [{"mean": 5.84, "std": 0.8, "min": 4.3, "max": 7.9, "binEdges": [5.8], "binShares": [0.5, 0.5]},
                              {"mean": 3.05, "std": 0.4, "min": 2, "max": 4.4, "binEdges": [3], "binShares": [0.5, 0.5]},
                              {"mean": 3.76, "std": 1.7, "min": 1, "max": 6.9, "binEdges": [4.35], "binShares": [0.5, 0.5]},
                              {"mean": 1.2, "std": 0.7, "min": 0.1, "max": 2.5, "binEdges": [1.3], "binShares": [0.5, 0.5]}],
                 "roc": {"rows": "test", "curves": [
                     {"classIndex": 0, "fpr": [0, 0, 1], "tpr": [0, 1, 1], "auc": 1.0},
                     {"classIndex": 1, "fpr": [0, 0.05, 0.1, 1], "tpr": [0, 0.8, 1, 1], "auc": 0.99},
                     {"classIndex": 2, "fpr": [0, 0.05, 1], "tpr": [0, 1, 1], "auc": 0.995}]},
                 "onnx": {"sha256": "0a0a"}}""");
    }

    /** A version imported as an ONNX file: only what describes the graph. */
    static ModelMetadata imported() {
        return read("""
                {"formatVersion": 2, "model": "churn", "version": 1, "createdAt": "2026-12-01T20:00:00Z", "source": "imported",
                 "classLabelType": "int64", "classes": [0, 1], "featureCount": 3, "featureNames": [], "onnx": {"sha256": "0b0b"}}""");
    }

    /** A format 1 binary version: coefficients at the top level, cross-validation only, no ROC curves. */
    static ModelMetadata formatOneBinary() {
        return read("""
                {"formatVersion": 1, "model": "seed", "version": 1, "createdAt": "2026-01-01T00:00:00Z",
                 "classLabelType": "int64", "classes": [0, 1], "featureCount": 2, "featureNames": [],
                 "coefficients": [[0.7, -1.2]], "intercepts": [0.1],
                 "metrics": {"cv": {"folds": 2, "accuracy": 0.8, "logLoss": 0.4,
                                    "perFold": [{"rows": 50, "accuracy": 0.8, "logLoss": 0.4, "confusionMatrix": [[20, 5], [5, 20]]},
                                                {"rows": 50, "accuracy": 0.8, "logLoss": 0.4, "confusionMatrix": [[21, 4], [6, 19]]}]}},
                 "onnx": {"sha256": "0c0c"}}""");
    }

    static ModelMetadata read(String json) {
        return MetadataJson.read(json.getBytes(StandardCharsets.UTF_8));
    }

    static int count(String html, String fragment) {
        Matcher matcher = Pattern.compile(Pattern.quote(fragment)).matcher(html);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }
}
