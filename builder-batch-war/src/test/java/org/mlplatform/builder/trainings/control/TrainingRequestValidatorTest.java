package org.mlplatform.builder.trainings.control;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlplatform.pipeline.PipelineParameters;
import org.mlplatform.pipeline.TrainingParameters;
import org.mlplatform.pipeline.TrainingRequest;
import org.mlplatform.pipeline.preprocessing.Resampling;
import org.mlplatform.pipeline.preprocessing.ScalerKind;
import org.mlplatform.pipeline.training.ClassWeight;
import org.mlplatform.pipeline.training.LogisticRegressionParameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainingRequestValidatorTest {

    @TempDir
    Path root;

    TrainingRequestValidator validator;

    @BeforeEach
    void layOut() throws IOException {
        for (String name : new String[] {"train_data.csv", "train_labels.csv", "test_data.csv", "test_labels.csv"}) {
            Files.writeString(root.resolve(name), "1\n");
        }
        validator = new TrainingRequestValidator(new DataFolder(root));
    }

    private static Map<String, String> minimal() {
        Map<String, String> parameters = new HashMap<>();
        parameters.put("model", "churn");
        parameters.put("trainData", "train_data.csv");
        parameters.put("trainLabels", "train_labels.csv");
        return parameters;
    }

    private InvalidRequestException refused(Map<String, String> parameters) {
        return assertThrows(InvalidRequestException.class, () -> validator.validate(parameters));
    }

    private InvalidRequestException refusedWith(String key, String value) {
        Map<String, String> parameters = minimal();
        parameters.put(key, value);
        return refused(parameters);
    }

    @Test
    void absentOptionsTakeTheDefaults() throws IOException {
        TrainingRequest request = validator.validate(minimal());
        assertEquals("churn", request.model());
        assertEquals(TrainingParameters.defaults(), request.parameters());
        assertEquals(root.resolve("train_data.csv").toRealPath(), request.train().features());
        assertEquals(root.resolve("train_labels.csv").toRealPath(), request.train().labels());
        assertNull(request.test());
    }

    @Test
    void readsEveryOption() {
        Map<String, String> parameters = minimal();
        parameters.putAll(Map.of("C", "0.25", "classWeight", "none", "scaler", "standard", "resample", "SMOTE",
                "tol", "1e-6", "maxIter", "50", "cvFolds", "0", "seed", "-3",
                "testData", "test_data.csv", "testLabels", "test_labels.csv"));
        TrainingRequest request = validator.validate(parameters);
        assertEquals(new TrainingParameters(new PipelineParameters(ScalerKind.STANDARD, Resampling.SMOTE, 0, -3),
                        new LogisticRegressionParameters(0.25, ClassWeight.NONE, 1e-6, 50)),
                request.parameters());
        assertTrue(request.test().labels().endsWith("test_labels.csv"));
    }

    @Test
    void emptyValuesMeanDefaults() {
        Map<String, String> parameters = minimal();
        parameters.put("C", "");
        parameters.put("testData", " ");
        TrainingRequest request = validator.validate(parameters);
        assertEquals(1.0, request.parameters().algorithm().c());
        assertNull(request.test());
    }

    @Test
    void labelColumnReplacesLabelFiles() {
        Map<String, String> parameters = minimal();
        parameters.remove("trainLabels");
        parameters.put("labelColumn", "target");
        parameters.put("testData", "test_data.csv");
        TrainingRequest request = validator.validate(parameters);
        assertEquals("target", request.train().labelColumn());
        assertNull(request.train().labels());
        assertEquals("target", request.test().labelColumn());
    }

    @Test
    void refusesACOutsideWhatTheSolverHandles() {
        for (String c : new String[] {"0", "-1", "NaN", "Infinity", "1e-320", "1e-9", "1e9"}) {
            InvalidRequestException e = refusedWith("C", c);
            assertEquals("C", e.field());
            assertTrue(e.getMessage().startsWith("C must be a number from 1.0E-8 to 1.0E8"), e.getMessage());
        }
        Map<String, String> parameters = minimal();
        parameters.put("C", "1e-8");
        assertEquals(1e-8, validator.validate(parameters).parameters().algorithm().c());
        parameters.put("C", "1e8");
        assertEquals(1e8, validator.validate(parameters).parameters().algorithm().c());
    }

    @Test
    void refusesATolOutsideWhatTheSolverHandles() {
        for (String tol : new String[] {"0", "1e-320", "1e-13", "0.5", "NaN"}) {
            InvalidRequestException e = refusedWith("tol", tol);
            assertEquals("tol", e.field());
            assertTrue(e.getMessage().startsWith("tol must be a number from 1.0E-12 to 0.1"), e.getMessage());
        }
    }

    @Test
    void refusesFractionsAndOutOfRangeIntegersInsteadOfCuttingThem() {
        assertEquals("maxIter must be an integer, got 1.5", refusedWith("maxIter", "1.5").getMessage());
        assertEquals("cvFolds must be an integer, got 4.9", refusedWith("cvFolds", "4.9").getMessage());
        assertEquals("maxIter must be an integer from 1 to 2147483647, got 4294967297",
                refusedWith("maxIter", "4294967297").getMessage());
        assertEquals("seed must be an integer, got 1E+30", refusedWith("seed", "1E+30").getMessage());
        assertTrue(refusedWith("seed", "123456789012345678901234").getMessage()
                .startsWith("seed must be a 64-bit integer, got 123456789012345678901234"));
    }

    @Test
    void refusesAModelNamedAfterTheDataFolderInsideTheRepository() throws IOException {
        Path models = Files.createDirectories(root.resolveSibling(root.getFileName() + "-models"));
        Path data = Files.createDirectories(models.resolve("data"));
        Files.writeString(data.resolve("train_data.csv"), "1\n");
        Files.writeString(data.resolve("train_labels.csv"), "1\n");
        TrainingRequestValidator inRepository = new TrainingRequestValidator(new DataFolder(data), models);
        Map<String, String> parameters = minimal();
        parameters.put("model", "data");

        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> inRepository.validate(parameters));

        assertEquals("model", e.field());
        assertEquals("model name data is taken by the data folder, which is data in the model repository; "
                + "choose another name", e.getMessage());
        parameters.put("model", "database");
        assertEquals("database", inRepository.validate(parameters).model());
    }

    @Test
    void refusesNonNumericC() {
        assertEquals("C must be a number, got abc", refusedWith("C", "abc").getMessage());
    }

    @Test
    void refusesBadEnumValuesListingTheChoices() {
        InvalidRequestException e = refusedWith("scaler", "minmax");
        assertEquals("scaler", e.field());
        assertEquals("scaler must be one of none, standard, robust, got minmax", e.getMessage());
        assertEquals("classWeight", refusedWith("classWeight", "auto").field());
        assertEquals("resample", refusedWith("resample", "adasyn").field());
    }

    @Test
    void refusesBadIntegers() {
        assertEquals("cvFolds", refusedWith("cvFolds", "1").field());
        assertEquals("cvFolds", refusedWith("cvFolds", "-2").field());
        assertEquals("cvFolds", refusedWith("cvFolds", "2.5").field());
        assertEquals("maxIter", refusedWith("maxIter", "0").field());
        assertEquals("maxIter", refusedWith("maxIter", "99999999999").field());
        assertEquals("seed", refusedWith("seed", "x").field());
    }

    @Test
    void refusesUnknownOption() {
        assertEquals("penalty", refusedWith("penalty", "l1").field());
    }

    @Test
    void requiresModelAndTrainingData() {
        Map<String, String> parameters = minimal();
        parameters.remove("model");
        assertEquals("model", refused(parameters).field());
        parameters = minimal();
        parameters.remove("trainData");
        assertEquals("trainData", refused(parameters).field());
    }

    @Test
    void refusesModelNamesThatAreNotFolderNames() {
        for (String model : new String[] {"../x", "a/b", ".hidden", "a b"}) {
            assertEquals("model", refusedWith("model", model).field(), model);
        }
    }

    @Test
    void requiresLabelsOneWayOnly() {
        Map<String, String> parameters = minimal();
        parameters.remove("trainLabels");
        assertEquals("trainLabels", refused(parameters).field());
        assertEquals("trainLabels", refusedWith("labelColumn", "y").field());
        parameters = minimal();
        parameters.put("testData", "test_data.csv");
        assertEquals("testLabels", refused(parameters).field());
        parameters = minimal();
        parameters.put("testLabels", "test_labels.csv");
        assertEquals("testLabels", refused(parameters).field());
    }

    @Test
    void refusesMissingAndEscapingFilesNamingTheField() {
        assertEquals("trainLabels", refusedWith("trainLabels", "nope.csv").field());
        InvalidRequestException escape = refusedWith("trainData", "../../etc/passwd");
        assertEquals("trainData", escape.field());
        assertTrue(escape.getMessage().contains("outside the data folder"));
    }
}
