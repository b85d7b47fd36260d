package org.mlplatform.pipeline;

import java.util.Map;
import org.mlplatform.pipeline.dataset.Dataset;

/**
 * Validated training and test rows, with the SHA-256 of every file they were read from.
 *
 * @param train      the training rows
 * @param test       the test rows, labelled with the training classes, or null
 * @param fileSha256 file name to SHA-256 (hex) of each input file, in reading order
 */
public record TrainingData(Dataset train, Dataset test, Map<String, String> fileSha256) {

    public TrainingData {
        fileSha256 = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fileSha256));
    }
}
