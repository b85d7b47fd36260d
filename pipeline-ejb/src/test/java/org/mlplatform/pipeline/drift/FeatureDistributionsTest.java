package org.mlplatform.pipeline.drift;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mlplatform.pipeline.reference.ReferenceFiles;
import org.mlplatform.repository.ModelMetadata.FeatureDistribution;

/**
 * The drift baseline equals numpy's on the reference training sets: the expected numbers are the output of
 * {@code src/test/python/feature_distributions.py} (its header says how to regenerate them).
 */
class FeatureDistributionsTest {

    private static final double RELATIVE = 1e-12;

    @ParameterizedTest
    @ValueSource(strings = {"breast_cancer", "iris", "seed"})
    void equalsNumpyOnTheReferenceTrainingSets(String set) {
        JsonArray expected = numpy().getJsonArray(set);
        List<FeatureDistribution> features = FeatureDistributions.of(ReferenceFiles.training(set));

        assertEquals(expected.size(), features.size(), "one distribution per column");
        for (int j = 0; j < features.size(); j++) {
            JsonObject numpy = expected.getJsonObject(j);
            FeatureDistribution ours = features.get(j);
            String column = set + " column " + j + " ";
            assertClose(numpy.getJsonNumber("mean").doubleValue(), ours.mean(), column + "mean");
            assertClose(numpy.getJsonNumber("std").doubleValue(), ours.std(), column + "std");
            assertEquals(numpy.getJsonNumber("min").doubleValue(), ours.min(), column + "min");
            assertEquals(numpy.getJsonNumber("max").doubleValue(), ours.max(), column + "max");
            assertClose(ReferenceFiles.doubles(numpy.getJsonArray("binEdges")), ours.binEdges(), column + "binEdges");
            assertArrayEquals(ReferenceFiles.doubles(numpy.getJsonArray("binShares")), ours.binShares(),
                    column + "binShares");
        }
    }

    @Test
    void aValueOnAnEdgeBelongsToTheBinBelowIt() {
        double[] edges = {1.0, 2.0};

        assertEquals(0, FeatureDistributions.bin(edges, 0.5));
        assertEquals(0, FeatureDistributions.bin(edges, 1.0));
        assertEquals(1, FeatureDistributions.bin(edges, 1.5));
        assertEquals(1, FeatureDistributions.bin(edges, 2.0));
        assertEquals(2, FeatureDistributions.bin(edges, 2.5));
    }

    @Test
    void aConstantColumnHasOneEdgeAndAllRowsInTheFirstBin() {
        FeatureDistribution constant = FeatureDistributions.of(new double[] {3.0, 3.0, 3.0, 3.0});

        assertArrayEquals(new double[] {3.0}, constant.binEdges());
        assertArrayEquals(new double[] {1.0, 0.0}, constant.binShares());
        assertEquals(0.0, constant.std());
    }

    @Test
    void quantilesInterpolateAsNumpysLinearMethod() {
        // np.quantile([1, 2, 4, 8, 16], [0.1, ..., 0.9]): position q * 4 between the sorted values
        FeatureDistribution five = FeatureDistributions.of(new double[] {16, 1, 8, 2, 4});

        assertClose(new double[] {1.4, 1.8, 2.4, 3.2, 4.0, 5.6, 7.2, 9.6, 12.8}, five.binEdges(), "edges");
        assertArrayEquals(new double[] {0.2, 0, 0.2, 0, 0.2, 0, 0, 0.2, 0, 0.2}, five.binShares());
    }

    private static JsonObject numpy() {
        try (InputStream in = FeatureDistributionsTest.class.getResourceAsStream("/drift/feature-distributions.json");
             JsonReader reader = Json.createReader(in)) {
            return reader.readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertClose(double expected, double actual, String what) {
        assertEquals(expected, actual, RELATIVE * Math.abs(expected), what);
    }

    private static void assertClose(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            assertClose(expected[i], actual[i], what + "[" + i + "]");
        }
    }
}
