package org.mlplatform.pipeline.onnx;

import java.util.List;
import java.util.Objects;

/**
 * What is written into the exported model's {@code metadata_props} so that an ONNX file found on its
 * own still says where it came from.
 *
 * @param modelName           the repository name of the model
 * @param version             the repository version the file is published as
 * @param trainingFingerprint identifies the training run (e.g. a digest of data and parameters)
 * @param featureNames        column names of the input, empty when the training data had no header
 */
public record ModelProvenance(String modelName, int version, String trainingFingerprint, List<String> featureNames) {

    public ModelProvenance {
        Objects.requireNonNull(modelName, "modelName");
        Objects.requireNonNull(trainingFingerprint, "trainingFingerprint");
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1, got " + version);
        }
        featureNames = List.copyOf(featureNames);
    }
}
