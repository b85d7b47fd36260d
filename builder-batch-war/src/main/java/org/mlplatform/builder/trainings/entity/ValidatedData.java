package org.mlplatform.builder.trainings.entity;

import org.mlplatform.pipeline.TrainingDataSummary;

import java.util.List;

/**
 * What step {@code validate-data} leaves for the later steps besides the parsed rows: the input
 * files with their digests, and the summary the published version will record.
 *
 * @param testRows rows of the test set, null without one
 */
public record ValidatedData(List<ValidatedFile> files, TrainingDataSummary summary, Integer testRows) {

    public ValidatedData {
        files = List.copyOf(files);
    }

    public boolean test() {
        return testRows != null;
    }
}
