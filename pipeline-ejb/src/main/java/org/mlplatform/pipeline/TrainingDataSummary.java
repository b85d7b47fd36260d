package org.mlplatform.pipeline;

import java.util.List;
import org.mlplatform.repository.ModelMetadata.DatasetSummary;
import org.mlplatform.repository.ModelMetadata.FeatureDistribution;

/**
 * What a published version records of its training data, taken when the data was validated: the
 * files' SHA-256, rows and class counts ({@code metadata.json}'s {@code dataset}), the feature
 * names and each feature's distribution ({@code features}, the drift baseline). A job keeps it from its
 * first step to its last, so a version describes the data it was fitted on, whatever happened to the
 * files since.
 *
 * @param features one distribution per column of the training rows as read; null only in a summary
 *                 stored by a job that started before there were drift baselines
 */
public record TrainingDataSummary(DatasetSummary dataset, List<String> featureNames,
                                  List<FeatureDistribution> features) {

    public TrainingDataSummary {
        featureNames = List.copyOf(featureNames);
        features = features == null ? null : List.copyOf(features);
    }
}
