package org.mlplatform.inference.explanations.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mlplatform.inference.explanations.entity.FeatureContribution;
import org.mlplatform.inference.explanations.entity.LogitExplanation;
import org.mlplatform.inference.explanations.entity.RowExplanation;
import org.mlplatform.inference.models.control.LoadedVersion;
import org.mlplatform.inference.models.control.ModelLoader;
import org.mlplatform.inference.models.control.OnnxSessionFactory;
import org.mlplatform.inference.models.entity.Predictions;
import org.mlplatform.inference.predictions.control.CsvInstancesReader;
import org.mlplatform.inference.predictions.control.FeatureMatrix;
import org.mlplatform.inference.predictions.control.RequestLimits;
import org.mlplatform.inference.testing.ReferenceCase;
import org.mlplatform.repository.MetadataJson;
import org.mlplatform.repository.ModelMetadata;
import org.mlplatform.repository.ModelRepository;

/**
 * Explanations of versions the real pipeline trained on the reference sets (fixtures in
 * {@code src/test/resources/explanations/<model>/}: its model.onnx and metadata.json as published, with the
 * pipeline's own training means in {@code features}) against numpy's computation of the same formulas
 * ({@code src/test/python/explain_reference.py}, which says how the fixtures were made).
 */
class LinearExplainerTest {

    private static final double EXACT = 1e-9;
    /** ONNX Runtime computes in float32 (its scaler and coefficients rounded to float32 too). */
    private static final double FLOAT32 = 1e-5;

    @TempDir
    Path root;

    @ParameterizedTest
    @CsvSource({"explain-seed, seed", "explain-breast-cancer, breast_cancer", "explain-iris, iris", "explain-iris-raw, iris"})
    void explanationsEqualNumpysAndAddUpToTheModelsLogits(String model, String set) throws Exception {
        ModelMetadata metadata = metadata(model);
        FeatureMatrix rows = testRows(set, metadata);
        JsonArray expected = readJson(fixture(model).resolve("expected.json")).getJsonArray("explanations");
        assertEquals(expected.size(), rows.rows());

        List<RowExplanation> explanations = LinearExplainer.of(metadata).explain(rows);
        Predictions predictions = onnxPredictions(model, rows);
        double largestGapToOnnx = 0;
        double largestGapToNumpy = 0;
        for (int i = 0; i < rows.rows(); i++) {
            String where = model + " row " + (i + 1);
            RowExplanation explanation = explanations.get(i);
            JsonObject numpy = expected.getJsonObject(i);
            JsonArray expectedLogits = numpy.getJsonArray("logits");
            assertEquals(metadata.classes().size() == 2 ? 1 : metadata.classes().size(), explanation.logits().size(), where);
            double[] logits = new double[explanation.logits().size()];
            for (int k = 0; k < logits.length; k++) {
                LogitExplanation logit = explanation.logits().get(k);
                JsonObject expectedLogit = expectedLogits.getJsonObject(k);
                assertEquals(expectedLogit.getInt("classIndex"), logit.classIndex(), where);
                assertEquals(expectedLogit.getJsonNumber("logit").doubleValue(), logit.logit(), EXACT, where + " logit");
                assertEquals(expectedLogit.getJsonNumber("base").doubleValue(), logit.base(), EXACT, where + " base");
                JsonArray expectedContributions = expectedLogit.getJsonArray("contributions");
                double sum = logit.base();
                double previous = Double.POSITIVE_INFINITY;
                for (FeatureContribution feature : logit.contributions()) {
                    double numpyContribution = expectedContributions.getJsonNumber(feature.index()).doubleValue();
                    assertEquals(numpyContribution, feature.contribution(), EXACT, where + " feature " + feature.index());
                    largestGapToNumpy = Math.max(largestGapToNumpy, Math.abs(numpyContribution - feature.contribution()));
                    assertEquals(rows.values()[i * rows.columns() + feature.index()], feature.value(), where);
                    assertTrue(Math.abs(feature.contribution()) <= previous, where + ": sorted by absolute contribution");
                    previous = Math.abs(feature.contribution());
                    sum += feature.contribution();
                }
                assertEquals(rows.columns(), logit.contributions().stream().map(FeatureContribution::index).distinct().count(), where);
                assertEquals(logit.logit(), sum, EXACT, where + ": base + contributions = logit");
                largestGapToNumpy = Math.max(largestGapToNumpy, Math.abs(expectedLogit.getJsonNumber("logit").doubleValue() - logit.logit()));
                logits[k] = logit.logit();
            }
            double[] fromLogits = ReferenceCase.probabilitiesOfLogits(logits);
            int classes = metadata.classes().size();
            for (int k = 0; k < classes; k++) {
                assertEquals(numpy.getJsonArray("probabilities").getJsonNumber(k).doubleValue(), explanation.probabilities()[k], EXACT, where);
                assertEquals(fromLogits[k], explanation.probabilities()[k], EXACT, where + ": probability = sigmoid/softmax of the logits");
                double onnx = predictions.probabilities()[i * classes + k];
                assertEquals(onnx, explanation.probabilities()[k], FLOAT32, where + ": the served model's probability");
                largestGapToOnnx = Math.max(largestGapToOnnx, Math.abs(onnx - explanation.probabilities()[k]));
            }
            assertEquals(numpy.getInt("predictedClass"), explanation.predictedClass(), where);
            assertEquals(predictions.intLabels()[i], metadata.classes().getJsonNumber(explanation.predictedClass()).longValue(),
                    where + ": the served model's label");
        }
        System.out.printf("%s: %d rows; largest gap to numpy (logits, contributions) %.2e; to ONNX Runtime's float32 "
                + "probabilities %.2e%n", model, rows.rows(), largestGapToNumpy, largestGapToOnnx);
    }

    @Test
    void aFormat1VersionHasNoBaselineToExplainFrom() throws IOException {
        JsonObject format1 = Json.createObjectBuilder(metadataJson("explain-seed")).add("formatVersion", 1).remove("features").build();
        ExplanationUnavailableException refused = assertThrows(ExplanationUnavailableException.class,
                () -> LinearExplainer.of(read(format1)));
        assertTrue(refused.getMessage().contains("no training baseline"), refused.getMessage());
        assertTrue(refused.getMessage().contains("format 1"), refused.getMessage());
    }

    @Test
    void anImportedGraphHasNoCoefficientsToExplainWith() throws IOException {
        JsonObject trained = metadataJson("explain-seed");
        JsonObject imported = Json.createObjectBuilder(trained).add("source", ModelMetadata.SOURCE_IMPORTED)
                .remove("algorithm").remove("features").remove("scaler").remove("params").remove("training").build();
        ExplanationUnavailableException refused = assertThrows(ExplanationUnavailableException.class,
                () -> LinearExplainer.of(read(imported)));
        assertTrue(refused.getMessage().contains("imported"), refused.getMessage());
    }

    @Test
    void coefficientsAtTheTopLevelOfOlderFilesExplainTheSame() throws IOException {
        JsonObject current = metadataJson("explain-iris");
        JsonObject algorithm = current.getJsonObject("algorithm");
        JsonObject older = Json.createObjectBuilder(current).remove("algorithm")
                .add("coefficients", algorithm.get("coefficients")).add("intercepts", algorithm.get("intercepts")).build();
        FeatureMatrix rows = testRows("iris", read(current));
        List<RowExplanation> expected = LinearExplainer.of(read(current)).explain(rows);
        List<RowExplanation> fromTopLevel = LinearExplainer.of(read(older)).explain(rows);
        for (int i = 0; i < rows.rows(); i++) {
            assertEquals(expected.get(i).logits(), fromTopLevel.get(i).logits(), "row " + (i + 1));
        }
    }

    @Test
    void contributionsAreNamedByTheTrainingHeader() throws IOException {
        JsonObject named = Json.createObjectBuilder(metadataJson("explain-iris"))
                .add("featureNames", Json.createArrayBuilder(List.of("sepal_length", "sepal_width", "petal_length", "petal_width"))).build();
        RowExplanation explanation = LinearExplainer.of(read(named)).explain(new float[] {5.1f, 3.5f, 1.4f, 0.2f}, 0);
        for (FeatureContribution feature : explanation.logits().get(0).contributions()) {
            assertEquals(List.of("sepal_length", "sepal_width", "petal_length", "petal_width").get(feature.index()), feature.name());
        }
        assertNull(LinearExplainer.of(metadata("explain-iris")).explain(new float[] {5.1f, 3.5f, 1.4f, 0.2f}, 0)
                .logits().get(0).contributions().get(0).name(), "no header, no names");
    }

    @Test
    void aRowAtTheTrainingMeansIsItsBaseValue() throws IOException {
        ModelMetadata metadata = metadata("explain-breast-cancer");
        float[] means = new float[metadata.featureCount()];
        for (int j = 0; j < means.length; j++) {
            means[j] = (float) metadata.features().get(j).mean();
        }
        LogitExplanation logit = LinearExplainer.of(metadata).explain(means, 0).logits().get(0);
        // the means rounded to float32 sit within a float32 step of the means: contributions near 0
        assertEquals(logit.base(), logit.logit(), 1e-5);
        logit.contributions().forEach(feature -> assertEquals(0, feature.contribution(), 1e-5, "feature " + feature.index()));
    }

    private Predictions onnxPredictions(String model, FeatureMatrix rows) throws Exception {
        Path version = Files.createDirectories(root.resolve(model).resolve("1"));
        Files.copy(fixture(model).resolve("model.onnx"), version.resolve("model.onnx"));
        Files.copy(fixture(model).resolve("metadata.json"), version.resolve("metadata.json"));
        LoadedVersion loaded = new ModelLoader(new ModelRepository(root), new OnnxSessionFactory(), Clock.systemUTC()).load(model, 1);
        try {
            return loaded.session().run(rows.values(), rows.rows());
        } finally {
            loaded.session().close();
        }
    }

    /** The test rows as the service reads a CSV body (float32). */
    private static FeatureMatrix testRows(String set, ModelMetadata metadata) throws IOException {
        try (InputStream csv = Files.newInputStream(ReferenceCase.referenceDir().resolve("data").resolve(set).resolve("test_data.csv"))) {
            return new CsvInstancesReader(new RequestLimits(10_000, 1 << 24)).read(csv, metadata.featureCount(), List.of());
        }
    }

    private static Path fixture(String model) {
        return Path.of("src/test/resources/explanations").resolve(model);
    }

    private static ModelMetadata metadata(String model) throws IOException {
        return MetadataJson.read(Files.readAllBytes(fixture(model).resolve("metadata.json")));
    }

    private static JsonObject metadataJson(String model) {
        return readJson(fixture(model).resolve("metadata.json"));
    }

    private static ModelMetadata read(JsonValue json) {
        return MetadataJson.read(json.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static JsonObject readJson(Path file) {
        try (JsonReader reader = Json.createReader(Files.newBufferedReader(file))) {
            return reader.readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
