package org.mlplatform.pipeline;

import java.util.List;
import org.mlplatform.repository.ModelMetadata.DatasetSummary;

/**
 * What a published version records of its training data, taken when the data was validated: the
 * files' SHA-256, rows and class counts ({@code metadata.json}'s {@code dataset}) and the feature
 * names. A job keeps it from its first step to its last, so a version describes the data it was
 * fitted on, whatever happened to the files since.
 */
public record TrainingDataSummary(DatasetSummary dataset, List<String> featureNames) {

    public TrainingDataSummary {
        featureNames = List.copyOf(featureNames);
    }
}
