package org.mlplatform.builder.trainings.control;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlplatform.pipeline.TrainingData;
import org.mlplatform.pipeline.boundary.TrainingService;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainingDataCheckTest {

    @TempDir
    Path root;

    TrainingRequestValidator validator;

    @BeforeEach
    void layOut() throws IOException {
        StringBuilder features = new StringBuilder();
        StringBuilder labels = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            features.append(i).append(',').append(i % 3).append('\n');
            labels.append(i < 8 ? 0 : 1).append('\n');
        }
        Files.writeString(root.resolve("train_data.csv"), features);
        Files.writeString(root.resolve("train_labels.csv"), labels);
        Files.writeString(root.resolve("test_data.csv"), "1,2\n3,x\n");
        Files.writeString(root.resolve("test_labels.csv"), "0\n1\n");
        Files.writeString(root.resolve("one_class.csv"), "1\n".repeat(12));
        validator = new TrainingRequestValidator(new DataFolder(root));
    }

    private Map<String, String> request(Map<String, String> extra) {
        Map<String, String> parameters = new HashMap<>(Map.of("model", "m", "trainData", "train_data.csv",
                "trainLabels", "train_labels.csv", "cvFolds", "4"));
        parameters.putAll(extra);
        return parameters;
    }

    private InvalidRequestException refused(Map<String, String> extra) {
        return assertThrows(InvalidRequestException.class,
                () -> TrainingDataCheck.load(new TrainingService(), validator.validate(request(extra)), new DataFolder(root)));
    }

    @Test
    void loadsGoodData() {
        TrainingData data = TrainingDataCheck.load(new TrainingService(), validator.validate(request(Map.of())), new DataFolder(root));
        assertEquals(12, data.train().rows());
    }

    @Test
    void moreFoldsThanTheSmallestClassHasRowsNamesCvFolds() {
        InvalidRequestException e = refused(Map.of("cvFolds", "5"));
        assertEquals("cvFolds", e.field());
        assertTrue(e.getMessage().contains("5"), e.getMessage());
    }

    @Test
    void aSingleClassNamesTheLabels() {
        assertEquals("trainLabels", refused(Map.of("trainLabels", "one_class.csv")).field());
    }

    @Test
    void aBadTestCellNamesTheTestData() {
        InvalidRequestException e = refused(Map.of("testData", "test_data.csv", "testLabels", "test_labels.csv"));
        assertEquals("testData", e.field());
        assertTrue(e.getMessage().contains("test_data.csv line 2"), e.getMessage());
    }

    @Test
    void aBadCellInTheTrainingFileNamesTrainDataAndItsPathWhenTheTestFileHasTheSameName() throws IOException {
        Path a = Files.createDirectories(root.resolve("a"));
        Path b = Files.createDirectories(root.resolve("b"));
        Files.writeString(a.resolve("data.csv"), Files.readString(root.resolve("train_data.csv")).replaceFirst("\n3,0\n", "\n3,x\n"));
        Files.copy(root.resolve("train_labels.csv"), a.resolve("labels.csv"));
        Files.copy(root.resolve("train_data.csv"), b.resolve("data.csv"));
        Files.copy(root.resolve("train_labels.csv"), b.resolve("labels.csv"));

        InvalidRequestException e = refused(Map.of("trainData", "a/data.csv", "trainLabels", "a/labels.csv",
                "testData", "b/data.csv", "testLabels", "b/labels.csv"));

        assertEquals("trainData", e.field());
        assertEquals("a/data.csv line 4, column 2: \"x\" is not a number", e.getMessage());
    }

    @Test
    void aBadLabelInTheTestLabelsNamesTestLabels() throws IOException {
        Files.writeString(root.resolve("test_labels.csv"), "0\n7\n");
        Files.writeString(root.resolve("test_data.csv"), "1,2\n3,4\n");
        InvalidRequestException e = refused(Map.of("testData", "test_data.csv", "testLabels", "test_labels.csv"));
        assertEquals("testLabels", e.field());
        assertTrue(e.getMessage().startsWith("test_labels.csv line 2: label '7'"), e.getMessage());
    }
}
