package org.mlplatform.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mlplatform.pipeline.preprocessing.Resampling;
import org.mlplatform.pipeline.preprocessing.ScalerKind;
import org.mlplatform.pipeline.training.ClassWeight;
import org.mlplatform.pipeline.training.LogisticRegressionParameters;

class CanonicalJsonTest {

    private static JsonValue parse(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readValue();
        }
    }

    @Test
    void sortsMembersAtEveryDepthAndDropsWhiteSpace() {
        assertEquals("{\"a\":[{\"x\":1,\"y\":2}],\"b\":\"t\\\"\",\"c\":null}",
                CanonicalJson.write(parse("{ \"c\": null, \"b\": \"t\\\"\", \"a\": [ {\"y\": 2, \"x\": 1} ] }")));
    }

    @Test
    void writesEqualNumbersOneWay() {
        assertEquals(CanonicalJson.write(parse("[1, 0.25, 1e-8, 1.5e30, -3]")),
                CanonicalJson.write(parse("[1.0, 25e-2, 0.00000001, 15E29, -3.000]")));
        assertEquals("[1,0.25,1e-8,1.5e+30,-3,100000000]", CanonicalJson.write(parse("[1.0, 0.25, 1e-8, 1.5e30, -3, 1e8]")));
    }

    @Test
    void theFingerprintFollowsFilesAndParametersAndNothingElse() {
        TrainingParameters defaults = TrainingParameters.defaults();
        Map<String, String> files = Map.of("train_data.csv", "aa", "train_labels.csv", "bb");
        String json = TrainingFingerprint.canonicalJson(files, defaults);
        assertEquals("{\"files\":{\"train_data.csv\":\"aa\",\"train_labels.csv\":\"bb\"},\"parameters\":{\"C\":1,"
                + "\"classWeight\":\"balanced\",\"cvFolds\":5,\"maxIter\":1000,\"resample\":\"none\",\"scaler\":\"robust\","
                + "\"seed\":42,\"tol\":1e-8}}", json);

        assertEquals(TrainingFingerprint.of(files, defaults),
                TrainingFingerprint.of(Map.of("train_labels.csv", "bb", "train_data.csv", "aa"), TrainingParameters.defaults()));
        TrainingParameters otherC = new TrainingParameters(defaults.pipeline(),
                new LogisticRegressionParameters(2.0, ClassWeight.BALANCED, 1e-8, 1000));
        assertNotEquals(TrainingFingerprint.of(files, defaults), TrainingFingerprint.of(files, otherC));
        assertNotEquals(TrainingFingerprint.of(files, defaults), TrainingFingerprint.of(Map.of("train_data.csv", "ab",
                "train_labels.csv", "bb"), defaults));
        assertNotEquals(TrainingFingerprint.of(files, defaults), TrainingFingerprint.of(files, new TrainingParameters(
                new PipelineParameters(ScalerKind.ROBUST, Resampling.NONE, 5, 43), defaults.algorithm())));
    }

    @Test
    void theSummaryOfLoadedDataNamesEachFileByNameWithItsDigest() {
        TrainingData data = new TrainingData(
                new org.mlplatform.pipeline.dataset.Dataset(new double[] {1, 2}, 2, 1, new int[] {0, 1},
                        new org.mlplatform.pipeline.dataset.ClassLabels(java.util.List.of("0", "1"), true), java.util.List.of("x")),
                null, Map.of(Path.of("/data/a/train.csv"), "aa"));
        assertEquals(Map.of("train.csv", "aa"), data.summary().dataset().files());
        assertEquals(2, data.summary().dataset().rows());
        assertEquals(Map.of("0", 1, "1", 1), data.summary().dataset().classCounts());
        assertEquals(java.util.List.of("x"), data.summary().featureNames());
    }
}
