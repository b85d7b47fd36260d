package org.mlplatform.builder.models.entity;

import jakarta.json.JsonArray;

import java.util.List;

/**
 * What the verification of an imported ONNX graph found: enough to write its {@code metadata.json}.
 *
 * @param featureCount   F of the float input [N, F]
 * @param classLabelType {@code int64} or {@code string}, the type of the label output
 * @param classes        labels in probability-column order, JSON integers or strings
 * @param featureNames   as given, or empty
 * @param zipMap         true when the probabilities are skl2onnx's ZipMap output (a sequence of maps)
 */
public record ImportedGraph(int featureCount, String classLabelType, JsonArray classes, List<String> featureNames,
                            boolean zipMap) {
}
