package org.mlplatform.builder.trainings.control;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import org.mlplatform.builder.trainings.entity.PublishedModel;
import org.mlplatform.builder.trainings.entity.ValidatedData;
import org.mlplatform.builder.trainings.entity.ValidatedFile;
import org.mlplatform.pipeline.PipelineModel;
import org.mlplatform.pipeline.TrainingData;
import org.mlplatform.pipeline.dataset.Dataset;
import org.mlplatform.pipeline.dataset.DatasetFile;
import org.mlplatform.pipeline.evaluation.CrossValidationResult;
import org.mlplatform.pipeline.evaluation.Metrics;
import org.mlplatform.pipeline.evaluation.ScoredRows;
import org.mlplatform.repository.ModelMetadata.RocCurves;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What the steps of one job instance hand each other, kept as JSON files (and the validated rows as
 * binary files) in a folder of its own.
 * A restarted job skips completed steps, so their results must outlive the execution (and the
 * server) that computed them. Every file is written to a temporary name and renamed.
 */
public final class JobWorkFolder {

    private static final Jsonb JSONB = JsonbBuilder.create();
    private static final String FOLD_PREFIX = "fold-";
    private static final String HELD_OUT_PREFIX = "held-out-";
    private static final String TRAINING_SET = "training-set.bin";
    private static final String TEST_SET = "test-set.bin";
    private static final String VALIDATED_DATA = "validated-data.json";

    private final Path folder;

    public JobWorkFolder(Path folder) {
        this.folder = folder;
    }

    public Path folder() {
        return folder;
    }

    /** Forgets earlier results, e.g. of a job instance whose id the repository handed out before. */
    public void clear() {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void saveFoldMetrics(int fold, Metrics metrics) {
        write(FOLD_PREFIX + fold + ".json", metrics);
    }

    /** The metrics of the folds done so far, by fold index. */
    public List<Metrics> foldMetrics(int folds) {
        List<Metrics> done = new ArrayList<>();
        for (int fold = 0; fold < folds; fold++) {
            read(FOLD_PREFIX + fold + ".json", Metrics.class).ifPresent(done::add);
        }
        return done;
    }

    /** The indices of the folds whose metrics are not stored yet, ascending. */
    public List<Integer> foldsNotDone(int folds) {
        List<Integer> notDone = new ArrayList<>();
        for (int fold = 0; fold < folds; fold++) {
            if (!Files.exists(folder.resolve(FOLD_PREFIX + fold + ".json"))) {
                notDone.add(fold);
            }
        }
        return notDone;
    }

    /** A fold's validation rows as scored, kept only when the ROC curves come from the folds. */
    public void saveHeldOutScores(int fold, ScoredRows heldOut) {
        write(HELD_OUT_PREFIX + fold + ".json", heldOut);
    }

    /** The scored validation rows of the folds kept so far. */
    public List<ScoredRows> heldOutScores(int folds) {
        List<ScoredRows> kept = new ArrayList<>();
        for (int fold = 0; fold < folds; fold++) {
            read(HELD_OUT_PREFIX + fold + ".json", ScoredRows.class).ifPresent(kept::add);
        }
        return kept;
    }

    public int foldsDone() {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        int count = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, FOLD_PREFIX + "*.json")) {
            for (Path ignored : files) {
                count++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return count;
    }

    /**
     * Keeps what {@code validate-data} read: the rows in binary form ({@link DatasetFile}), so that no
     * later step parses the CSV files again, and the files' digests and the data summary.
     */
    public void saveValidatedData(TrainingData data, List<ValidatedFile> files) {
        writeRows(TRAINING_SET, data.train());
        if (data.test() != null) {
            writeRows(TEST_SET, data.test());
        }
        write(VALIDATED_DATA, new ValidatedData(files, data.summary(), data.test() == null ? null : data.test().rows()));
    }

    public ValidatedData validatedData() {
        return read(VALIDATED_DATA, ValidatedData.class).orElseThrow(() -> new IllegalStateException(
                "no validated data in " + folder + ": step validate-data has not completed"));
    }

    /** The training rows as {@code validate-data} read them. */
    public Dataset trainingSet() {
        return readRows(TRAINING_SET);
    }

    /** The test rows as {@code validate-data} read them; only when {@link ValidatedData#test()}. */
    public Dataset testSet() {
        return readRows(TEST_SET);
    }

    /** Removes the validated rows, and the folds' scored rows, once no step needs them (the version is published). */
    public void dropRows() {
        try {
            Files.deleteIfExists(folder.resolve(TRAINING_SET));
            Files.deleteIfExists(folder.resolve(TEST_SET));
            try (DirectoryStream<Path> heldOut = Files.newDirectoryStream(folder, HELD_OUT_PREFIX + "*.json")) {
                for (Path file : heldOut) {
                    Files.delete(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void saveCrossValidation(CrossValidationResult result) {
        write("cross-validation.json", result);
    }

    public Optional<CrossValidationResult> crossValidation() {
        return read("cross-validation.json", CrossValidationResult.class);
    }

    public void saveModel(PipelineModel model) {
        write("model.json", model);
    }

    public PipelineModel model() {
        return read("model.json", PipelineModel.class)
                .orElseThrow(() -> new IllegalStateException("no fitted model in " + folder));
    }

    public void saveTestMetrics(Metrics metrics) {
        write("test-metrics.json", metrics);
    }

    public Optional<Metrics> testMetrics() {
        return read("test-metrics.json", Metrics.class);
    }

    /** The ROC curves the version will keep; nothing is saved when there are none (a class without rows). */
    public void saveRoc(RocCurves roc) {
        if (roc != null) {
            write("roc.json", roc);
        }
    }

    public Optional<RocCurves> roc() {
        return read("roc.json", RocCurves.class);
    }

    public void savePublished(PublishedModel published) {
        write("published.json", published);
    }

    public Optional<PublishedModel> published() {
        return read("published.json", PublishedModel.class);
    }

    private void write(String name, Object value) {
        writeAtomically(name, file -> Files.writeString(file, JSONB.toJson(value)));
    }

    private void writeRows(String name, Dataset rows) {
        writeAtomically(name, file -> DatasetFile.write(rows, file));
    }

    private Dataset readRows(String name) {
        try {
            return DatasetFile.read(folder.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private interface FileWriter {
        void writeTo(Path file) throws IOException;
    }

    private void writeAtomically(String name, FileWriter writer) {
        try {
            Files.createDirectories(folder);
            Path temporary = Files.createTempFile(folder, name, ".tmp");
            writer.writeTo(temporary);
            Files.move(temporary, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> Optional<T> read(String name, Class<T> type) {
        Path file = folder.resolve(name);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSONB.fromJson(Files.readString(file), type));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
