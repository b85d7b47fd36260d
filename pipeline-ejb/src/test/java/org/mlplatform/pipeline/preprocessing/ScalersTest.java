package org.mlplatform.pipeline.preprocessing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mlplatform.pipeline.dataset.ClassLabels;
import org.mlplatform.pipeline.dataset.Dataset;
import org.mlplatform.pipeline.reference.ReferenceCase;
import org.mlplatform.pipeline.reference.ReferenceFiles;

class ScalersTest {

    /** The reference cases with a robust or a standard scaler, fitted by scikit-learn. */
    static List<ReferenceCase> scaledCases() {
        return ReferenceCase.all().stream().filter(c -> c.optimum().scaler().kind() != ScalerKind.NONE).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scaledCases")
    void matchesScikitLearnsFittedScaler(ReferenceCase reference) {
        FittedScaler expected = reference.optimum().scaler();

        FittedScaler scaler = Scalers.fit(expected.kind(), ReferenceFiles.training(reference.set()));

        assertEquals(expected.kind(), scaler.kind());
        assertArrayEquals(expected.center(), scaler.center(), 1e-12);
        assertArrayEquals(expected.scale(), scaler.scale(), 1e-12);
    }

    @Test
    void noneIsTheIdentity() {
        FittedScaler scaler = Scalers.fit(ScalerKind.NONE, data(2, 5, 1, 7, 2));

        assertArrayEquals(new double[] {0, 0}, scaler.center());
        assertArrayEquals(new double[] {1, 1}, scaler.scale());
    }

    @Test
    void replacesAZeroScaleByOne() {
        // first column constant, second varies
        Dataset data = data(2, 3, 0.1, 3, 0.2, 3, 0.4, 3, 0.8);

        FittedScaler standard = Scalers.fit(ScalerKind.STANDARD, data);
        FittedScaler robust = Scalers.fit(ScalerKind.ROBUST, data);

        assertEquals(1.0, standard.scale()[0]);
        assertEquals(3.0, standard.center()[0]);
        assertEquals(1.0, robust.scale()[0]);
        assertEquals(3.0, robust.center()[0]);
    }

    @Test
    void interpolatesPercentilesAsNumpy() {
        // numpy.percentile([1, 2, 3, 4], [25, 75]) == [1.75, 3.25]; median 2.5
        FittedScaler even = Scalers.fit(ScalerKind.ROBUST, data(1, 4, 1, 3, 2));
        // numpy.percentile([0, 10, 20, 30, 100], [25, 75]) == [10, 30]; median 20
        FittedScaler odd = Scalers.fit(ScalerKind.ROBUST, data(1, 100, 0, 30, 10, 20));

        assertEquals(2.5, even.center()[0]);
        assertEquals(3.25 - 1.75, even.scale()[0]);
        assertEquals(20, odd.center()[0]);
        assertEquals(20, odd.scale()[0]);
    }

    private static Dataset data(int columns, double... values) {
        int rows = values.length / columns;
        return new Dataset(values, rows, columns, new int[rows], new ClassLabels(List.of("0", "1"), true), List.of());
    }
}
