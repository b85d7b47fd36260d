package org.mlplatform.pipeline;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mlplatform.pipeline.dataset.Dataset;
import org.mlplatform.pipeline.drift.FeatureDistributions;
import org.mlplatform.pipeline.registry.PipelineMetadata;

/**
 * Validated training and test rows, with the SHA-256 of every file they were read from.
 *
 * @param train  the training rows
 * @param test   the test rows, labelled with the training classes, or null
 * @param sha256 SHA-256 (hex) of each input file by its path, in reading order
 */
public record TrainingData(Dataset train, Dataset test, Map<Path, String> sha256) {

    public TrainingData {
        sha256 = Collections.unmodifiableMap(new LinkedHashMap<>(sha256));
    }

    /** SHA-256 of each input file by its file name, as {@code metadata.json} records them. */
    public Map<String, String> fileSha256() {
        Map<String, String> byName = new LinkedHashMap<>();
        sha256.forEach((path, digest) -> byName.put(path.getFileName().toString(), digest));
        return Collections.unmodifiableMap(byName);
    }

    /** What a published version records of this data. */
    public TrainingDataSummary summary() {
        return new TrainingDataSummary(PipelineMetadata.dataset(fileSha256(), train), train.featureNames(),
                FeatureDistributions.of(train));
    }
}
