package org.mlplatform.pipeline.registry;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.mlplatform.pipeline.PipelineModel;
import org.mlplatform.pipeline.TrainingParameters;
import org.mlplatform.pipeline.dataset.ClassLabels;
import org.mlplatform.pipeline.dataset.Dataset;
import org.mlplatform.pipeline.evaluation.CrossValidationResult;
import org.mlplatform.pipeline.evaluation.Metrics;
import org.mlplatform.pipeline.onnx.ModelProvenance;
import org.mlplatform.pipeline.onnx.OnnxExporter;
import org.mlplatform.pipeline.reference.ReferenceCase;
import org.mlplatform.pipeline.training.ClassWeight;
import org.mlplatform.pipeline.training.LogisticRegressionTrainer;
import org.mlplatform.repository.ContentDigest;
import org.mlplatform.repository.MetadataJson;
import org.mlplatform.repository.ModelMetadata;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/** metadata.json of a fitted pipeline, read back with JSON-P by the documented field names. */
class PipelineMetadataTest {

    private static final Instant CREATED = Instant.parse("2026-11-27T16:00:00.123456Z");
    private static final JsonObject TRAINER_PARAMETERS = new LogisticRegressionTrainer(1.0, ClassWeight.BALANCED, 1e-8, 1000)
            .parameters();

    @Test
    void metadataJsonHasTheDocumentedFields() throws IOException {
        ReferenceCase reference = ReferenceCase.of("iris__robust_balanced_C1");
        PipelineModel model = reference.optimum();
        ModelProvenance provenance = new ModelProvenance("iris", 2, "fp-1", List.of("a", "b", "c", "d"));
        byte[] onnx = new OnnxExporter().export(model, provenance);

        JsonObject json = parse(MetadataJson.write(describe(model, provenance, onnx)));

        assertEquals(2, json.getInt("formatVersion"));
        assertEquals("iris", json.getString("model"));
        assertEquals(2, json.getInt("version"));
        assertEquals("2026-11-27T16:00:00.123Z", json.getString("createdAt"));
        assertEquals("trained", json.getString("source"));
        assertEquals("fp-1", json.getString("trainingFingerprint"));
        assertEquals("int64", json.getString("classLabelType"));
        assertEquals(Json.createArrayBuilder().add(0).add(1).add(2).build(), json.getJsonArray("classes"));
        assertEquals(4, json.getInt("featureCount"));
        assertEquals(List.of("a", "b", "c", "d"), strings(json.getJsonArray("featureNames")));

        JsonObject params = json.getJsonObject("params");
        assertEquals(1.0, params.getJsonNumber("C").doubleValue());
        assertEquals("BALANCED", params.getString("classWeight"));
        assertEquals("ROBUST", params.getString("scaler"));
        assertEquals("NONE", params.getString("resample"));
        assertEquals(1e-8, params.getJsonNumber("tol").doubleValue());
        assertEquals(1000, params.getInt("maxIter"));
        assertEquals(5, params.getInt("cvFolds"));
        assertEquals(42, params.getJsonNumber("seed").longValue());

        JsonObject scaler = json.getJsonObject("scaler");
        assertEquals("ROBUST", scaler.getString("kind"));
        assertArrayEquals(model.scaler().center(), doubles(scaler.getJsonArray("center")));
        assertArrayEquals(model.scaler().scale(), doubles(scaler.getJsonArray("scale")));

        JsonObject algorithm = json.getJsonObject("algorithm");
        assertEquals("logistic-regression", algorithm.getString("name"));
        assertEquals(Json.createObjectBuilder().add("C", 1.0).add("classWeight", "BALANCED").add("tol", 1e-8)
                .add("maxIter", 1000).build(), algorithm.getJsonObject("params"));
        JsonArray coefficients = algorithm.getJsonArray("coefficients");
        assertEquals(3, coefficients.size());
        for (int k = 0; k < 3; k++) {
            assertArrayEquals(reference.optimumClassifier().coefficients()[k], doubles(coefficients.getJsonArray(k)));
        }
        assertArrayEquals(reference.optimumClassifier().intercepts(), doubles(algorithm.getJsonArray("intercepts")));
        assertFalse(json.containsKey("coefficients"), "the learned state is the algorithm's, not top-level");

        JsonObject training = json.getJsonObject("training");
        assertEquals("newton-cholesky", training.getString("solver"));
        assertEquals(7, training.getInt("iterations"));
        assertEquals(model.classifier().report().objective(), training.getJsonNumber("objective").doubleValue());
        assertEquals(model.classifier().report().gradientMaxNorm(), training.getJsonNumber("gradientMaxNorm").doubleValue());
        assertEquals(model.classifier().report().seconds(), training.getJsonNumber("seconds").doubleValue());
        assertEquals(JsonValue.TRUE, training.get("converged"));

        JsonObject dataset = json.getJsonObject("dataset");
        assertEquals("ab12", dataset.getJsonObject("files").getString("train_data.csv"));
        assertEquals(120, dataset.getInt("rows"));
        assertEquals(40, dataset.getJsonObject("classCounts").getInt("2"));

        JsonObject cv = json.getJsonObject("metrics").getJsonObject("cv");
        assertEquals(2, cv.getInt("folds"));
        assertEquals(0.85, cv.getJsonNumber("accuracy").doubleValue(), 1e-15);
        assertEquals(0.3, cv.getJsonNumber("logLoss").doubleValue(), 1e-15);
        assertEquals(0.9, cv.getJsonNumber("rocAuc").doubleValue(), 1e-15);
        assertEquals(2, cv.getJsonArray("perFold").size());
        JsonObject secondFold = cv.getJsonArray("perFold").getJsonObject(1);
        assertEquals(60, secondFold.getInt("rows"));
        assertEquals(0.8, secondFold.getJsonNumber("accuracy").doubleValue());
        assertEquals(0.4, secondFold.getJsonNumber("logLoss").doubleValue());
        assertEquals(0.85, secondFold.getJsonNumber("rocAuc").doubleValue());
        assertEquals(array("[[20,0,0],[0,16,4],[0,8,12]]"), secondFold.getJsonArray("confusionMatrix"));
        JsonObject test = json.getJsonObject("metrics").getJsonObject("test");
        assertEquals(30, test.getInt("rows"));
        assertEquals(0.9, test.getJsonNumber("accuracy").doubleValue());
        assertEquals(0.25, test.getJsonNumber("logLoss").doubleValue());
        assertEquals(0.97, test.getJsonNumber("rocAuc").doubleValue());
        assertEquals(array("[[10,0,0],[0,9,1],[0,2,8]]"), test.getJsonArray("confusionMatrix"));

        JsonObject onnxSection = json.getJsonObject("onnx");
        assertEquals(ContentDigest.sha256(onnx), onnxSection.getString("sha256"));
        assertEquals(8, onnxSection.getInt("irVersion"));
        assertEquals(Json.createObjectBuilder().add("ai.onnx", 15).add("ai.onnx.ml", 1).build(),
                onnxSection.getJsonObject("opsets"));
        assertEquals(array("[{\"name\":\"input\",\"type\":\"float\",\"shape\":[-1,4]}]"), onnxSection.getJsonArray("inputs"));
        assertEquals(array("[{\"name\":\"label\",\"type\":\"int64\",\"shape\":[-1]},"
                + "{\"name\":\"probabilities\",\"type\":\"float\",\"shape\":[-1,3]}]"), onnxSection.getJsonArray("outputs"));
    }

    @Test
    void stringLabelsAreWrittenAsStrings() throws IOException {
        PipelineModel model = ReferenceCase.of("iris__raw_C1").optimum(
                new ClassLabels(List.of("setosa", "versicolor", "virginica"), false));
        ModelProvenance provenance = new ModelProvenance("iris", 1, "fp", List.of());

        JsonObject json = parse(MetadataJson.write(describe(model, provenance, new OnnxExporter().export(model, provenance))));

        assertEquals("string", json.getString("classLabelType"));
        assertEquals(List.of("setosa", "versicolor", "virginica"), strings(json.getJsonArray("classes")));
        assertEquals("string", json.getJsonObject("onnx").getJsonArray("outputs").getJsonObject(0).getString("type"));
        assertEquals(List.of(), strings(json.getJsonArray("featureNames")));
        assertEquals("NONE", json.getJsonObject("scaler").getString("kind"));
    }

    @Test
    void metricsMayBeLeftOut() throws IOException {
        PipelineModel model = ReferenceCase.of("seed__raw_C1").optimum();
        ModelProvenance provenance = new ModelProvenance("seed", 1, "fp", List.of());
        byte[] onnx = new OnnxExporter().export(model, provenance);

        ModelMetadata metadata = PipelineMetadata.describe(model, TRAINER_PARAMETERS, provenance, onnx,
                PipelineMetadata.params(TrainingParameters.defaults()),
                new ModelMetadata.DatasetSummary(Map.of(), 400, Map.of("0", 200, "1", 200)), null, null, null, CREATED);

        assertFalse(parse(MetadataJson.write(metadata)).containsKey("metrics"));
        assertEquals(1, parse(MetadataJson.write(metadata)).getJsonObject("algorithm").getJsonArray("coefficients").size());
    }

    @Test
    void aMissingRocAucIsLeftOutAndOnlyTheTestSetMayBeScored() throws IOException {
        PipelineModel model = ReferenceCase.of("seed__raw_C1").optimum();
        ModelProvenance provenance = new ModelProvenance("seed", 1, "fp", List.of());
        byte[] onnx = new OnnxExporter().export(model, provenance);
        Metrics oneClassOnly = new Metrics(5, 0.8, 0.5, null, new int[][] {{4, 1}, {0, 0}});

        ModelMetadata metadata = PipelineMetadata.describe(model, TRAINER_PARAMETERS, provenance, onnx,
                PipelineMetadata.params(TrainingParameters.defaults()),
                new ModelMetadata.DatasetSummary(Map.of(), 400, Map.of("0", 200, "1", 200)),
                PipelineMetadata.metrics(null, oneClassOnly), null, null, CREATED);

        JsonObject metrics = parse(MetadataJson.write(metadata)).getJsonObject("metrics");
        assertFalse(metrics.containsKey("cv"));
        assertFalse(metrics.getJsonObject("test").containsKey("rocAuc"));
        assertEquals(5, metrics.getJsonObject("test").getInt("rows"));
        assertNull(PipelineMetadata.metrics(null, null));
    }

    @Test
    void readingAndWritingAgainGivesTheSameBytes() throws IOException {
        ReferenceCase reference = ReferenceCase.of("breast_cancer__standard_C1");
        PipelineModel model = reference.optimum();
        ModelProvenance provenance = new ModelProvenance("bc", 3, "fp", List.of());
        byte[] json = MetadataJson.write(describe(model, provenance, new OnnxExporter().export(model, provenance)));

        ModelMetadata read = MetadataJson.read(json);

        assertArrayEquals(json, MetadataJson.write(read));
        assertArrayEquals(reference.optimumClassifier().coefficients()[0],
                doubles(read.algorithm().getJsonArray("coefficients").getJsonArray(0)));
    }

    @Test
    void anImportedGraphHasOnlyWhatDescribesIt() throws IOException {
        PipelineModel model = ReferenceCase.of("seed__raw_C1").optimum();
        byte[] onnx = new OnnxExporter().export(model, new ModelProvenance("elsewhere", 4, "fp", List.of()));

        byte[] written = MetadataJson.write(PipelineMetadata.imported("elsewhere", 4, onnx, "string",
                Json.createArrayBuilder().add("no").add("yes").build(), 10, List.of(), CREATED));
        JsonObject json = parse(written);

        assertEquals(List.of("formatVersion", "model", "version", "createdAt", "source", "classLabelType", "classes",
                "featureCount", "featureNames", "onnx"), List.copyOf(json.keySet()));
        assertEquals("imported", json.getString("source"));
        assertEquals(Json.createArrayBuilder().add("no").add("yes").build(), json.getJsonArray("classes"));
        assertEquals(ContentDigest.sha256(onnx), json.getJsonObject("onnx").getString("sha256"));
        assertArrayEquals(written, MetadataJson.write(MetadataJson.read(written)));
    }

    /** A version published before source and algorithm existed (coefficients at the top level) still reads. */
    @Test
    void metadataWrittenBeforeTheAlgorithmSectionStillReads() {
        String earlier = """
                {"formatVersion": 1, "model": "churn", "version": 1, "createdAt": "2026-11-27T12:00:00Z",
                 "trainingFingerprint": "ab", "classLabelType": "int64", "classes": [0, 1], "featureCount": 2,
                 "featureNames": [], "scaler": {"kind": "NONE", "center": [0.0, 0.0], "scale": [1.0, 1.0]},
                 "coefficients": [[0.5, -0.25]], "intercepts": [0.1],
                 "onnx": {"sha256": "00", "irVersion": 8, "opsets": {}, "inputs": [], "outputs": []}}""";

        ModelMetadata read = MetadataJson.read(earlier.getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertEquals("churn", read.model());
        assertEquals(2, read.featureCount());
        assertNull(read.source());
        assertNull(read.algorithm());
        assertArrayEquals(new double[] {0.1}, read.intercepts());
        assertEquals("00", read.onnx().sha256());
    }

    @Test
    void datasetSummaryCountsRowsByLabel() {
        Dataset training = new Dataset(new double[6], 3, 2, new int[] {1, 0, 1},
                new ClassLabels(List.of("no", "yes"), false), List.of());

        ModelMetadata.DatasetSummary summary = PipelineMetadata.dataset(Map.of("t.csv", "00"), training);

        assertEquals(3, summary.rows());
        assertEquals(Map.of("no", 1, "yes", 2), summary.classCounts());
    }

    private static ModelMetadata describe(PipelineModel model, ModelProvenance provenance, byte[] onnx) {
        return PipelineMetadata.describe(model, TRAINER_PARAMETERS, provenance, onnx,
                PipelineMetadata.params(TrainingParameters.defaults()),
                new ModelMetadata.DatasetSummary(Map.of("train_data.csv", "ab12"), 120, Map.of("0", 40, "1", 40, "2", 40)),
                PipelineMetadata.metrics(new CrossValidationResult(List.of(
                                new Metrics(60, 0.9, 0.2, 0.95, new int[][] {{20, 0, 0}, {0, 18, 2}, {0, 4, 16}}),
                                new Metrics(60, 0.8, 0.4, 0.85, new int[][] {{20, 0, 0}, {0, 16, 4}, {0, 8, 12}}))),
                        new Metrics(30, 0.9, 0.25, 0.97, new int[][] {{10, 0, 0}, {0, 9, 1}, {0, 2, 8}})), null, null,
                CREATED);
    }

    private static JsonObject parse(byte[] json) {
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(json))) {
            return reader.readObject();
        }
    }

    private static JsonArray array(String json) {
        try (JsonReader reader = Json.createReader(new java.io.StringReader(json))) {
            return reader.readArray();
        }
    }

    private static List<String> strings(JsonArray array) {
        return array.getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList();
    }

    private static double[] doubles(JsonArray array) {
        return array.getValuesAs(JsonNumber.class).stream().mapToDouble(JsonNumber::doubleValue).toArray();
    }
}
