package org.mlplatform.inference.predictions.boundary;

import jakarta.json.spi.JsonProvider;

import org.mlplatform.inference.models.entity.ModelSignature;
import org.mlplatform.inference.models.entity.Predictions;
import org.mlplatform.inference.predictions.control.OipInferRequest;

/**
 * Writes prediction responses as text directly: they are flat numeric arrays, and building a JSON
 * tree of boxed numbers for a 1,000-row batch costs more than the inference itself.
 * Probabilities are float32 as the model computes them, written in Java's shortest round-trip form.
 */
final class PredictionDocuments {

    /** {@code Json.createValue} looks the provider up through the ServiceLoader on every call; once is enough. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private PredictionDocuments() {
    }

    /** {@code {"model", "version", "predictions": [...], "probabilities": [[...], ...]}} */
    static String predictions(String model, int version, Predictions predictions) {
        StringBuilder json = new StringBuilder(64 + predictions.rows() * (8 + 12 * predictions.classCount()));
        json.append("{\"model\":").append(quoted(model)).append(",\"version\":").append(version).append(",\"predictions\":");
        appendLabels(json, predictions);
        json.append(",\"probabilities\":[");
        float[] probabilities = predictions.probabilities();
        int classes = predictions.classCount();
        for (int row = 0; row < predictions.rows(); row++) {
            json.append(row == 0 ? "[" : ",[");
            for (int k = 0; k < classes; k++) {
                if (k > 0) {
                    json.append(',');
                }
                json.append(probabilities[row * classes + k]);
            }
            json.append(']');
        }
        return json.append("]}").toString();
    }

    /** The OIP infer response: {@code label} INT64 (BYTES for string classes) [N] and {@code probabilities} FP32 [N, K]. */
    static String oipResponse(String model, int version, OipInferRequest request, Predictions predictions) {
        StringBuilder json = new StringBuilder(128 + predictions.rows() * (8 + 12 * predictions.classCount()));
        json.append("{\"model_name\":").append(quoted(model)).append(",\"model_version\":\"").append(version).append('"');
        if (request.id() != null) {
            json.append(",\"id\":").append(quoted(request.id()));
        }
        json.append(",\"outputs\":[");
        boolean first = true;
        if (request.wants(ModelSignature.LABEL_OUTPUT)) {
            json.append("{\"name\":\"label\",\"datatype\":\"").append(predictions.hasStringLabels() ? "BYTES" : "INT64")
                    .append("\",\"shape\":[").append(predictions.rows()).append("],\"data\":");
            appendLabels(json, predictions);
            json.append('}');
            first = false;
        }
        if (request.wants(ModelSignature.PROBABILITIES_OUTPUT)) {
            if (!first) {
                json.append(',');
            }
            json.append("{\"name\":\"probabilities\",\"datatype\":\"FP32\",\"shape\":[").append(predictions.rows()).append(',')
                    .append(predictions.classCount()).append("],\"data\":[");
            float[] probabilities = predictions.probabilities();
            for (int i = 0; i < probabilities.length; i++) {
                if (i > 0) {
                    json.append(',');
                }
                json.append(probabilities[i]);
            }
            json.append("]}");
        }
        return json.append("]}").toString();
    }

    private static void appendLabels(StringBuilder json, Predictions predictions) {
        json.append('[');
        for (int row = 0; row < predictions.rows(); row++) {
            if (row > 0) {
                json.append(',');
            }
            if (predictions.hasStringLabels()) {
                json.append(quoted(predictions.stringLabels()[row]));
            } else {
                json.append(predictions.intLabels()[row]);
            }
        }
        json.append(']');
    }

    private static String quoted(String text) {
        return JSON.createValue(text).toString();
    }
}
