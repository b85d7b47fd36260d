package org.mlplatform.builder.trainings.control;

import org.mlplatform.pipeline.TrainingData;
import org.mlplatform.pipeline.TrainingPipeline;
import org.mlplatform.pipeline.TrainingRequest;
import org.mlplatform.pipeline.dataset.CsvSource;
import org.mlplatform.pipeline.dataset.InvalidDataException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import static org.mlplatform.builder.trainings.entity.JobParameter.*;

/**
 * Reads a request's data as the job will ({@link TrainingPipeline#load}) and refuses what the job
 * could not train on: unreadable CSV, fewer than two classes, more folds than the smallest class
 * has rows; the problem names the request field the pipeline's message points at. The REST and JMS doors
 * run it before a job starts; the job's first step runs it again for console and CLI submissions.
 */
public final class TrainingDataCheck {

    private TrainingDataCheck() {
    }

    public static TrainingData load(TrainingRequest request) {
        try {
            return new TrainingPipeline(request.parameters()).load(request.train(), request.test());
        } catch (InvalidDataException e) {
            throw new InvalidRequestException(fieldOf(e.getMessage(), request), e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The request field whose file the message names; the training data when it names none. */
    private static String fieldOf(String message, TrainingRequest request) {
        if (message != null) {
            if (message.startsWith(CV_FOLDS.key())) {
                return CV_FOLDS.key();
            }
            if (message.startsWith("label column")) {
                return LABEL_COLUMN.key();
            }
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
