package org.mlplatform.inference.explanations.boundary;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;

import org.mlplatform.inference.explanations.entity.FeatureContribution;
import org.mlplatform.inference.explanations.entity.LogitExplanation;
import org.mlplatform.inference.explanations.entity.RowExplanation;
import org.mlplatform.inference.models.entity.Predictions;

/**
 * Writes the explain response. Each row's {@code prediction} and {@code probability} are the ONNX model's, written
 * as predict writes them (float32 in {@link Float#toString} form), so they are equal to predict's answer for that
 * row; logits, base values and contributions are float64, written in full ({@link Double#toString}).
 */
final class ExplanationDocuments {

    private static final JsonGeneratorFactory GENERATORS = JsonProvider.provider().createGeneratorFactory(Map.of());

    private ExplanationDocuments() {
    }

    /**
     * {@code {"model", "version", "explanations": [{"prediction", "probability", "logits": [{"class", "classIndex",
     * "logit", "base", "contributions": [{"index", "name", "value", "contribution"}, ...]}, ...]}, ...]}}
     */
    static byte[] explanations(String model, int version, JsonArray classes, Predictions predictions, List<RowExplanation> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + rows.size() * 1024);
        try (JsonGenerator json = GENERATORS.createGenerator(out)) {
            json.writeStartObject().write("model", model).write("version", version).writeStartArray("explanations");
            int classCount = predictions.classCount();
            for (int row = 0; row < rows.size(); row++) {
                json.writeStartObject();
                int predicted = predictedColumn(predictions, classes, row);
                if (predictions.hasStringLabels()) {
                    json.write("prediction", predictions.stringLabels()[row]);
                } else {
                    json.write("prediction", predictions.intLabels()[row]);
                }
                json.write("probability", new BigDecimal(Float.toString(predictions.probabilities()[row * classCount + predicted])));
                json.writeStartArray("logits");
                for (LogitExplanation logit : rows.get(row).logits()) {
                    json.writeStartObject().write("class", classes.get(logit.classIndex())).write("classIndex", logit.classIndex())
                            .write("logit", logit.logit()).write("base", logit.base()).writeStartArray("contributions");
                    for (FeatureContribution feature : logit.contributions()) {
                        json.writeStartObject().write("index", feature.index());
                        if (feature.name() == null) {
                            json.writeNull("name");
                        } else {
                            json.write("name", feature.name());
                        }
                        json.write("value", new BigDecimal(Float.toString(feature.value())))
                                .write("contribution", feature.contribution()).writeEnd();
                    }
                    json.writeEnd().writeEnd();
                }
                json.writeEnd().writeEnd();
            }
            json.writeEnd().writeEnd();
        }
        return out.toByteArray();
    }

    /** The probability column of the label the model gave the row (its most probable class when classes do not name it). */
    private static int predictedColumn(Predictions predictions, JsonArray classes, int row) {
        for (int k = 0; k < classes.size(); k++) {
            boolean named = predictions.hasStringLabels()
                    ? classes.get(k) instanceof JsonString label && label.getString().equals(predictions.stringLabels()[row])
                    : classes.get(k) instanceof JsonNumber number && number.isIntegral() && number.longValue() == predictions.intLabels()[row];
            if (named) {
                return k;
            }
        }
        int columns = predictions.classCount();
        int best = 0;
        for (int k = 1; k < columns; k++) {
            if (predictions.probabilities()[row * columns + k] > predictions.probabilities()[row * columns + best]) {
                best = k;
            }
        }
        return best;
    }
}
