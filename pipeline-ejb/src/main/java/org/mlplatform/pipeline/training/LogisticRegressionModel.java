package org.mlplatform.pipeline.training;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import org.mlplatform.pipeline.dataset.ClassLabels;
import org.mlplatform.pipeline.onnx.OnnxAttributes;
import org.mlplatform.pipeline.onnx.OnnxExporter;

import java.util.List;

/**
 * A fitted L2 logistic regression; immutable, built only by {@link LogisticRegressionTrainer}.
 * Binary models have one coefficient row (the logit of the second class, as scikit-learn's
 * {@code coef_}); multinomial models have one row per class (softmax).
 *
 * @param classes      the labels, in probability-column order
 * @param coefficients {@code 1 x F} (binary) or {@code K x F}
 * @param intercepts   one per coefficient row
 * @param report       how the fit went
 */
public record LogisticRegressionModel(ClassLabels classes, double[][] coefficients, double[] intercepts,
                                      FitReport report) implements FittedClassifier {

    /** The {@code algorithm.name} in metadata.json and the JSON-B type of a fitted model handed between job steps. */
    public static final String ALGORITHM = "logistic-regression";

    public LogisticRegressionModel {
        int classCount = classes.size();
        int rows = coefficients.length;
        if (classCount < 2 || (classCount == 2 ? rows != 1 : rows != classCount)) {
            throw new IllegalArgumentException(classCount + " classes need " + (classCount == 2 ? 1 : classCount)
                    + " coefficient rows, the model has " + rows);
        }
        if (intercepts.length != rows) {
            throw new IllegalArgumentException(rows + " coefficient rows need as many intercepts, got " + intercepts.length);
        }
    }

    @Override
    public int featureCount() {
        return coefficients[0].length;
    }

    /** Class probabilities of one (already scaled) row, in {@link #classes()} order. */
    @Override
    public double[] predictProba(double[] row, int offset) {
        if (coefficients.length == 1) {
            double p1 = 1.0 / (1.0 + Math.exp(-decision(0, row, offset)));
            return new double[] {1.0 - p1, p1};
        }
        double[] scores = new double[coefficients.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < scores.length; k++) {
            scores[k] = decision(k, row, offset);
            max = Math.max(max, scores[k]);
        }
        double sum = 0;
        for (int k = 0; k < scores.length; k++) {
            scores[k] = Math.exp(scores[k] - max);
            sum += scores[k];
        }
        for (int k = 0; k < scores.length; k++) {
            scores[k] /= sum;
        }
        return scores;
    }

    private double decision(int k, double[] row, int offset) {
        double[] w = coefficients[k];
        double z = intercepts[k];
        for (int j = 0; j < w.length; j++) {
            z += w[j] * row[offset + j];
        }
        return z;
    }

    /** {@code name}, {@code coefficients} and {@code intercepts}, as the fields of the same names above. */
    @Override
    public JsonObject describe() {
        JsonArrayBuilder rows = Json.createArrayBuilder();
        for (double[] row : coefficients) {
            rows.add(numbers(row));
        }
        return Json.createObjectBuilder()
                .add("name", ALGORITHM)
                .add("coefficients", rows)
                .add("intercepts", numbers(intercepts))
                .build();
    }

    @Override
    public String onnxDocString() {
        return "L2 logistic regression";
    }

    /**
     * One {@code ai.onnx.ml} {@code LinearClassifier}. A binary model's single logit row w becomes rows
     * [-w; w] with LOGISTIC, which gives sigmoid(-z) and sigmoid(z): the two probabilities, read the same
     * way by every runtime. Multinomial models keep their K rows with SOFTMAX.
     */
    @Override
    public List<NodeProto> onnxNodes(String input, String label, String probabilities) {
        boolean binary = coefficients.length == 1;
        AttributeProto.Builder weights = OnnxAttributes.floats("coefficients");
        AttributeProto.Builder biases = OnnxAttributes.floats("intercepts");
        if (binary) {
            for (double v : coefficients[0]) {
                weights.addFloats((float) -v);
            }
            for (double v : coefficients[0]) {
                weights.addFloats((float) v);
            }
            biases.addFloats((float) -intercepts[0]).addFloats((float) intercepts[0]);
        } else {
            for (double[] row : coefficients) {
                for (double v : row) {
                    weights.addFloats((float) v);
                }
            }
            for (double v : intercepts) {
                biases.addFloats((float) v);
            }
        }
        return List.of(NodeProto.newBuilder()
                .setName("LinearClassifier").setOpType("LinearClassifier").setDomain(OnnxExporter.ML_DOMAIN)
                .addInput(input).addOutput(label).addOutput(probabilities)
                .addAttribute(OnnxAttributes.classLabels(classes))
                .addAttribute(weights)
                .addAttribute(biases)
                .addAttribute(OnnxAttributes.string("post_transform", binary ? "LOGISTIC" : "SOFTMAX"))
                .build());
    }

    private static JsonArrayBuilder numbers(double[] values) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (double value : values) {
            array.add(value);
        }
        return array;
    }
}
