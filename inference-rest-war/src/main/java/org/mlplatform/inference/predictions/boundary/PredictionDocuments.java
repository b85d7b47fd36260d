package org.mlplatform.inference.predictions.boundary;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import jakarta.json.spi.JsonProvider;

import org.mlplatform.inference.models.entity.ModelSignature;
import org.mlplatform.inference.models.entity.Predictions;
import org.mlplatform.inference.predictions.control.FloatText;
import org.mlplatform.inference.predictions.control.OipInferRequest;

/**
 * Writes prediction responses as bytes directly: they are flat numeric arrays, and building a JSON
 * tree of boxed numbers (or even a String to encode afterwards) for a 1,000-row batch costs more than
 * the inference itself. Probabilities are float32 as the model computes them, written in Java's
 * {@link Float#toString} form ({@link FloatText}); binary outputs (OIP binary tensor data extension) are little-endian.
 */
final class PredictionDocuments {

    /** {@code Json.createValue} looks the provider up through the ServiceLoader on every call; once is enough. */
    private static final JsonProvider JSON = JsonProvider.provider();

    /** An OIP response body: {@code jsonLength} bytes of JSON, then the binary outputs' data when {@code binary}. */
    record OipResponse(byte[] body, int jsonLength, boolean binary) {
    }

    private PredictionDocuments() {
    }

    /** {@code {"model", "version", "predictions": [...], "probabilities": [[...], ...]}} */
    static byte[] predictions(String model, int version, Predictions predictions) {
        Bytes json = new Bytes(64 + predictions.rows() * (8 + 12 * predictions.classCount()));
        json.ascii("{\"model\":").text(quoted(model)).ascii(",\"version\":").number(version).ascii(",\"predictions\":");
        appendLabels(json, predictions);
        json.ascii(",\"probabilities\":[");
        float[] probabilities = predictions.probabilities();
        int classes = predictions.classCount();
        for (int row = 0; row < predictions.rows(); row++) {
            if (row > 0) {
                json.ascii(',');
            }
            json.ascii('[');
            for (int k = 0; k < classes; k++) {
                if (k > 0) {
                    json.ascii(',');
                }
                json.number(probabilities[row * classes + k]);
            }
            json.ascii(']');
        }
        return json.ascii("]}").toArray();
    }

    /**
     * The OIP infer response: {@code label} INT64 (BYTES for string classes) [N] and {@code probabilities}
     * FP32 [N, K], each as JSON data or, when asked for, as {@code parameters.binary_data_size} bytes after the JSON.
     */
    static OipResponse oipResponse(String model, int version, OipInferRequest request, Predictions predictions) {
        boolean labels = request.wants(ModelSignature.LABEL_OUTPUT);
        boolean probabilities = request.wants(ModelSignature.PROBABILITIES_OUTPUT);
        boolean binaryLabels = labels && request.wantsBinary(ModelSignature.LABEL_OUTPUT);
        boolean binaryProbabilities = probabilities && request.wantsBinary(ModelSignature.PROBABILITIES_OUTPUT);
        byte[][] stringLabels = binaryLabels && predictions.hasStringLabels() ? utf8(predictions.stringLabels()) : null;
        int rows = predictions.rows();
        int classes = predictions.classCount();
        long binaryLabelBytes = !binaryLabels ? 0 : stringLabels == null ? (long) rows * Long.BYTES : stringBytes(stringLabels);
        long binaryProbabilityBytes = binaryProbabilities ? (long) rows * classes * Float.BYTES : 0;

        Bytes out = new Bytes(512 + (binaryLabels && binaryProbabilities ? 0 : rows * (8 + 12 * classes)));
        out.ascii("{\"model_name\":").text(quoted(model)).ascii(",\"model_version\":\"").number(version).ascii('"');
        if (request.id() != null) {
            out.ascii(",\"id\":").text(quoted(request.id()));
        }
        out.ascii(",\"outputs\":[");
        if (labels) {
            out.ascii("{\"name\":\"label\",\"datatype\":\"").ascii(predictions.hasStringLabels() ? "BYTES" : "INT64")
                    .ascii("\",\"shape\":[").number(rows).ascii(']');
            if (binaryLabels) {
                out.ascii(",\"parameters\":{\"binary_data_size\":").number(binaryLabelBytes).ascii('}');
            } else {
                out.ascii(",\"data\":");
                appendLabels(out, predictions);
            }
            out.ascii('}');
        }
        if (probabilities) {
            if (labels) {
                out.ascii(',');
            }
            out.ascii("{\"name\":\"probabilities\",\"datatype\":\"FP32\",\"shape\":[").number(rows).ascii(',').number(classes).ascii(']');
            if (binaryProbabilities) {
                out.ascii(",\"parameters\":{\"binary_data_size\":").number(binaryProbabilityBytes).ascii('}');
            } else {
                out.ascii(",\"data\":[");
                float[] values = predictions.probabilities();
                for (int i = 0; i < rows * classes; i++) {
                    if (i > 0) {
                        out.ascii(',');
                    }
                    out.number(values[i]);
                }
                out.ascii(']');
            }
            out.ascii('}');
        }
        out.ascii("]}");
        int jsonLength = out.length;
        if (!binaryLabels && !binaryProbabilities) {
            return new OipResponse(out.toArray(), jsonLength, false);
        }
        // the binary data's size is known: one array for the body, no growing
        ByteBuffer body = ByteBuffer.wrap(Arrays.copyOf(out.data, Math.toIntExact(jsonLength + binaryLabelBytes + binaryProbabilityBytes)))
                .order(ByteOrder.LITTLE_ENDIAN);
        body.position(jsonLength);
        if (binaryLabels) {
            if (stringLabels != null) {
                for (byte[] label : stringLabels) {
                    body.putInt(label.length).put(label);
                }
            } else {
                body.asLongBuffer().put(predictions.intLabels(), 0, rows);
                body.position(body.position() + rows * Long.BYTES);
            }
        }
        if (binaryProbabilities) {
            body.asFloatBuffer().put(predictions.probabilities(), 0, rows * classes);
        }
        return new OipResponse(body.array(), jsonLength, true);
    }

    private static void appendLabels(Bytes json, Predictions predictions) {
        json.ascii('[');
        for (int row = 0; row < predictions.rows(); row++) {
            if (row > 0) {
                json.ascii(',');
            }
            if (predictions.hasStringLabels()) {
                json.text(quoted(predictions.stringLabels()[row]));
            } else {
                json.number(predictions.intLabels()[row]);
            }
        }
        json.ascii(']');
    }

    private static byte[][] utf8(String[] labels) {
        byte[][] encoded = new byte[labels.length][];
        for (int i = 0; i < labels.length; i++) {
            encoded[i] = labels[i].getBytes(StandardCharsets.UTF_8);
        }
        return encoded;
    }

    /** BYTES elements as binary data: a 4-byte little-endian length, then the bytes. */
    private static long stringBytes(byte[][] labels) {
        long total = 0;
        for (byte[] label : labels) {
            total += Integer.BYTES + label.length;
        }
        return total;
    }

    private static String quoted(String text) {
        return JSON.createValue(text).toString();
    }

    /** A growing byte array; numbers are formatted through one reused StringBuilder (no String per number). */
    private static final class Bytes {

        private byte[] data;
        private int length;
        private final StringBuilder number = new StringBuilder(24);

        Bytes(int capacity) {
            data = new byte[Math.max(capacity, 64)];
        }

        Bytes ascii(String text) {
            ensure(text.length());
            for (int i = 0; i < text.length(); i++) {
                data[length++] = (byte) text.charAt(i);
            }
            return this;
        }

        Bytes ascii(char c) {
            ensure(1);
            data[length++] = (byte) c;
            return this;
        }

        /** Any text, as UTF-8 (model names and labels may be non-ASCII). */
        Bytes text(String text) {
            return bytes(text.getBytes(StandardCharsets.UTF_8));
        }

        Bytes bytes(byte[] bytes) {
            ensure(bytes.length);
            System.arraycopy(bytes, 0, data, length, bytes.length);
            length += bytes.length;
            return this;
        }

        Bytes number(long value) {
            number.setLength(0);
            number.append(value);
            return digits();
        }

        Bytes number(float value) {
            number.setLength(0);
            number.append(FloatText.of(value));
            return digits();
        }

        private Bytes digits() {
            int count = number.length();
            ensure(count);
            for (int i = 0; i < count; i++) {
                data[length++] = (byte) number.charAt(i);
            }
            return this;
        }

        private void ensure(int more) {
            if (length + more > data.length) {
                data = Arrays.copyOf(data, Math.max(data.length * 2, length + more));
            }
        }

        byte[] toArray() {
            return length == data.length ? data : Arrays.copyOf(data, length);
        }
    }
}
