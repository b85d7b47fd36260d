package org.mlplatform.builder.trainings.control;

import org.mlplatform.builder.trainings.entity.ValidatedFile;
import org.mlplatform.pipeline.TrainingData;
import org.mlplatform.pipeline.TrainingRequest;
import org.mlplatform.pipeline.dataset.CsvSource;
import org.mlplatform.pipeline.options.TrainingOption;
import org.mlplatform.repository.ContentDigest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The input files of a job with the digests they had when {@code validate-data} read them, and the
 * check the later steps run before they use the rows read then: a file replaced or changed since
 * fails the step, naming the file, rather than training (or, after a restart, publishing) a model
 * whose recorded data is not what it was fitted on.
 */
public final class ValidatedInputs {

    private ValidatedInputs() {
    }

    /** Each file of the request with the SHA-256 the data was read with (none without data). */
    public static List<ValidatedFile> of(TrainingRequest request, TrainingData data) {
        List<ValidatedFile> files = new ArrayList<>();
        add(files, request.train(), TrainingOption.TRAIN_DATA, TrainingOption.TRAIN_LABELS, data);
        if (request.test() != null) {
            add(files, request.test(), TrainingOption.TEST_DATA, TrainingOption.TEST_LABELS, data);
        }
        return files;
    }

    private static void add(List<ValidatedFile> files, CsvSource source, TrainingOption features, TrainingOption labels,
                            TrainingData data) {
        files.add(new ValidatedFile(features.key(), source.features().toString(), data == null ? null : data.sha256().get(source.features())));
        if (source.labels() != null) {
            files.add(new ValidatedFile(labels.key(), source.labels().toString(), data == null ? null : data.sha256().get(source.labels())));
        }
    }

    /** Each file of the request with the SHA-256 of its content now. */
    public static List<ValidatedFile> current(TrainingRequest request) {
        List<ValidatedFile> files = new ArrayList<>();
        for (ValidatedFile file : of(request, null)) {
            try {
                files.add(new ValidatedFile(file.field(), file.path(), ContentDigest.sha256(Path.of(file.path()))));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    /** Refuses, naming the first file that differs, when a file is no longer what was validated. */
    public static void requireUnchanged(List<ValidatedFile> files, DataFolder dataFolder) {
        for (ValidatedFile file : files) {
            Path path = Path.of(file.path());
            String name = dataFolder.relativize(path);
            if (!Files.isRegularFile(path)) {
                throw new InvalidRequestException(file.field(), name + " is gone since validate-data read it; "
                        + "put it back or start a new job");
            }
            String now;
            try {
                now = ContentDigest.sha256(path);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (!now.equals(file.sha256())) {
                throw new InvalidRequestException(file.field(), name + " changed since validate-data read it (SHA-256 "
                        + file.sha256() + " then, " + now + " now); a job trains only on the data it validated: "
                        + "put the file back or start a new job");
            }
        }
    }
}
