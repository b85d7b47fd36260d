package org.mlplatform.builder.trainings.control;

import org.mlplatform.pipeline.TrainingData;
import org.mlplatform.pipeline.TrainingRequest;
import org.mlplatform.pipeline.boundary.TrainingService;
import org.mlplatform.pipeline.dataset.InvalidDataException;

import java.io.IOException;
import java.io.UncheckedIOException;

import static org.mlplatform.pipeline.options.TrainingOption.*;

/**
 * Reads a request's data as the job will ({@link TrainingService#load}) and refuses what the job
 * could not train on: unreadable CSV, fewer than two classes, more folds than the smallest class
 * has rows. Messages name files by their path in the data folder ({@code a/data.csv}), and the
 * problem's field is the request field of the input the pipeline says is at fault. The REST and JMS
 * doors run it before a job starts; the job's first step runs it again for console and CLI submissions.
 */
public final class TrainingDataCheck {

    private TrainingDataCheck() {
    }

    public static TrainingData load(TrainingService training, TrainingRequest request, DataFolder dataFolder) {
        try {
            return training.load(request.parameters(), request.train(), request.test(), dataFolder::relativize);
        } catch (InvalidDataException e) {
            throw new InvalidRequestException(fieldOf(e), e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The request field of the input at fault; the training data when the pipeline does not say. */
    static String fieldOf(InvalidDataException e) {
        boolean test = e.dataSet() == InvalidDataException.DataSet.TEST;
        if (e.part() == null) {
            return TRAIN_DATA.key();
        }
        return switch (e.part()) {
            case FOLDS -> CV_FOLDS.key();
            case LABEL_COLUMN -> LABEL_COLUMN.key();
            case LABELS -> test ? TEST_LABELS.key() : TRAIN_LABELS.key();
            case FEATURES -> test ? TEST_DATA.key() : TRAIN_DATA.key();
        };
    }
}
