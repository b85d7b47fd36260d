package org.mlplatform.inference.models.entity;

/**
 * The tensor contract of a servable model: one float input [N, F], a {@code label} output of
 * int64 or string [N] and a {@code probabilities} output float [N, K].
 *
 * @param classCount K, or -1 when the graph leaves it symbolic
 */
public record ModelSignature(String inputName, int featureCount, boolean stringLabels, int classCount) {

    public static final String LABEL_OUTPUT = "label";
    public static final String PROBABILITIES_OUTPUT = "probabilities";
}
