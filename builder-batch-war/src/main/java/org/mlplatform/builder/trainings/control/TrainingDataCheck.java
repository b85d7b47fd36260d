package org.mlplatform.builder.trainings.control;

import org.mlplatform.pipeline.TrainingData;
import org.mlplatform.pipeline.TrainingPipeline;
import org.mlplatform.pipeline.TrainingRequest;
import org.mlplatform.pipeline.dataset.CsvSource;
import org.mlplatform.pipeline.dataset.Dataset;
import org.mlplatform.pipeline.dataset.InvalidDataException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;

import static org.mlplatform.builder.trainings.entity.JobParameter.*;

/**
 * Reads a request's data as the job will and refuses what the job could not train on: unreadable
 * CSV, fewer than two classes, more folds than the smallest class has rows. The REST and JMS doors
 * run it before a job starts; the job's first step runs it again for console and CLI submissions.
 */
public final class TrainingDataCheck {

    private TrainingDataCheck() {
    }

    public static TrainingData load(TrainingRequest request) {
        TrainingPipeline pipeline = new TrainingPipeline(request.parameters());
        TrainingData data;
        try {
            data = pipeline.load(request.train(), request.test());
        } catch (InvalidDataException e) {
            throw new InvalidRequestException(fieldOf(e.getMessage(), request), e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Dataset train = data.train();
        String labelsField = request.train().labels() != null ? TRAIN_LABELS.key() : LABEL_COLUMN.key();
        if (train.classes().size() < 2) {
            throw new InvalidRequestException(labelsField,
                    "the training labels hold " + train.classes().size() + " class; at least 2 are needed");
        }
        int smallestClass = Arrays.stream(train.classCounts()).min().orElse(0);
        int folds = request.parameters().cvFolds();
        if (folds > smallestClass) {
            throw new InvalidRequestException(CV_FOLDS.key(), "cvFolds is " + folds
                    + " but the smallest class has only " + smallestClass + " rows");
        }
        return data;
    }

    /** The request field whose file the message names; the training data when it names none. */
    private static String fieldOf(String message, TrainingRequest request) {
        if (message != null) {
            CsvSource test = request.test();
            if (test != null && names(message, test.labels())) {
                return TEST_LABELS.key();
            }
            if (test != null && names(message, test.features())) {
                return TEST_DATA.key();
            }
            if (names(message, request.train().labels())) {
                return TRAIN_LABELS.key();
            }
        }
        return TRAIN_DATA.key();
    }

    private static boolean names(String message, Path file) {
        return file != null && message.contains(file.getFileName().toString());
    }
}
