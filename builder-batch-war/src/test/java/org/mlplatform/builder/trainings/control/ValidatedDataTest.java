package org.mlplatform.builder.trainings.control;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlplatform.builder.trainings.entity.ValidatedData;
import org.mlplatform.builder.trainings.entity.ValidatedFile;
import org.mlplatform.pipeline.TrainingData;
import org.mlplatform.pipeline.TrainingDataSummary;
import org.mlplatform.pipeline.TrainingRequest;
import org.mlplatform.pipeline.boundary.TrainingService;
import org.mlplatform.pipeline.dataset.Dataset;
import org.mlplatform.repository.ContentDigest;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What validate-data keeps for the later steps, the check they run on it, and the door's hand-over. */
class ValidatedDataTest {

    @TempDir
    Path temp;

    private DataFolder dataFolder;
    private Map<String, String> parameters;
    private TrainingRequest request;
    private TrainingData data;

    @BeforeEach
    void layOut() throws IOException {
        Path root = Files.createDirectories(temp.resolve("data"));
        Path sets = Files.createDirectories(root.resolve("sets"));
        StringBuilder rows = new StringBuilder("a,b\n");
        StringBuilder labels = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            rows.append(i).append(',').append(i % 7 * 0.5).append('\n');
            labels.append(i % 2 == 0 ? "yes" : "no").append('\n');
        }
        Files.writeString(sets.resolve("train.csv"), rows);
        Files.writeString(sets.resolve("labels.csv"), labels);
        dataFolder = new DataFolder(root);
        parameters = Map.of("model", "m", "trainData", "sets/train.csv", "trainLabels", "sets/labels.csv");
        request = new TrainingRequestValidator(dataFolder).validate(parameters);
        data = TrainingDataCheck.load(new TrainingService(), request, dataFolder);
    }

    @Test
    void theWorkFolderKeepsTheRowsTheDigestsAndTheSummaryAsRead() throws Exception {
        JobWorkFolder work = new JobWorkFolder(temp.resolve("work/1"));
        work.saveValidatedData(data, ValidatedInputs.of(request, data));

        Dataset rows = work.trainingSet();
        assertArrayEquals(data.train().features(), rows.features());
        assertArrayEquals(data.train().labels(), rows.labels());
        assertEquals(List.of("a", "b"), rows.featureNames());
        ValidatedData validated = work.validatedData();
        assertEquals(List.of("trainData", "trainLabels"), validated.files().stream().map(ValidatedFile::field).toList());
        assertEquals(ContentDigest.sha256(dataFolder.root().resolve("sets/train.csv")), validated.files().get(0).sha256());
        assertSameSummary(data.summary(), validated.summary(), "validate-data's summary");
        assertFalse(validated.test());

        work.dropRows();
        assertThrows(RuntimeException.class, work::trainingSet);
        assertSameSummary(data.summary(), work.validatedData().summary(), "publish still has the summary");
    }

    @Test
    void aFileChangedOrGoneSinceValidationIsNamedWithItsField() throws IOException {
        List<ValidatedFile> files = ValidatedInputs.of(request, data);
        assertDoesNotThrow(() -> ValidatedInputs.requireUnchanged(files, dataFolder));

        Path labels = dataFolder.root().resolve("sets/labels.csv");
        Files.writeString(labels, Files.readString(labels).replaceFirst("yes", "no"));
        InvalidRequestException changed = assertThrows(InvalidRequestException.class,
                () -> ValidatedInputs.requireUnchanged(files, dataFolder));
        assertEquals("trainLabels", changed.field());
        assertTrue(changed.getMessage().startsWith("sets/labels.csv changed since validate-data read it (SHA-256 "
                + files.get(1).sha256() + " then, "), changed.getMessage());

        Files.delete(labels);
        InvalidRequestException gone = assertThrows(InvalidRequestException.class,
                () -> ValidatedInputs.requireUnchanged(files, dataFolder));
        assertEquals("sets/labels.csv is gone since validate-data read it; put it back or start a new job", gone.getMessage());
    }

    @Test
    void theDoorsReadIsHandedToTheJobOnlyForTheSameParametersAndFiles() throws Exception {
        CheckedData checked = new CheckedData(temp.resolve("work/checked"));
        checked.keep(parameters, request, data);

        JobWorkFolder other = new JobWorkFolder(temp.resolve("work/2"));
        Map<String, String> moreFolds = Map.of("model", "m", "trainData", "sets/train.csv", "trainLabels",
                "sets/labels.csv", "cvFolds", "3");
        assertFalse(checked.handTo(moreFolds, ValidatedInputs.current(request), other), "other parameters");

        JobWorkFolder work = new JobWorkFolder(temp.resolve("work/3"));
        assertTrue(checked.handTo(parameters, ValidatedInputs.current(request), work));
        assertArrayEquals(data.train().features(), work.trainingSet().features());
        assertSameSummary(data.summary(), work.validatedData().summary(), "the door's summary");
        assertFalse(checked.handTo(parameters, ValidatedInputs.current(request), new JobWorkFolder(temp.resolve("work/4"))),
                "handed over once");

        checked.keep(parameters, request, data);
        Path train = dataFolder.root().resolve("sets/train.csv");
        Files.writeString(train, Files.readString(train).replace("a,b", "x,b"));
        assertFalse(checked.handTo(parameters, ValidatedInputs.current(request), new JobWorkFolder(temp.resolve("work/5"))),
                "a file changed since the door read it");
    }

    /** Equal content, drift baseline included (its arrays make record equality an identity check). */
    private static void assertSameSummary(TrainingDataSummary expected, TrainingDataSummary actual, String what)
            throws Exception {
        try (Jsonb jsonb = JsonbBuilder.create()) {
            assertEquals(jsonb.toJson(expected), jsonb.toJson(actual), what);
        }
        assertEquals(2, actual.features().size(), what + ": one distribution per column");
    }
}
