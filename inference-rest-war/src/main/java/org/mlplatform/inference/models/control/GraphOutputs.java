package org.mlplatform.inference.models.control;

import java.util.List;

/**
 * Where a graph's answers are: the names of its label and probability outputs, and whether the
 * probabilities are skl2onnx's ZipMap (a sequence of maps from label to probability) rather than a float
 * [N, K] tensor. The service presents both as {@code label} and {@code probabilities}.
 *
 * @param classOrder for ZipMap, the labels (as strings) in the column order to serve; empty for the
 *                   maps' keys in ascending order, which is scikit-learn's {@code classes_} order
 */
record GraphOutputs(String label, String probabilities, boolean zipMap, List<String> classOrder) {

    static final List<String> LABEL_NAMES = List.of("label", "output_label");
    static final String ZIPMAP_PROBABILITIES = "output_probability";
    /** skl2onnx's names: {@code probabilities} is a float [N, K] tensor, {@code output_probability} its ZipMap. */
    static final List<String> PROBABILITY_NAMES = List.of("probabilities", ZIPMAP_PROBABILITIES);

    GraphOutputs {
        classOrder = List.copyOf(classOrder);
    }
}
