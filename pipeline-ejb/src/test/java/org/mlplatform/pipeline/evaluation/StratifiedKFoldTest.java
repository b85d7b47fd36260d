package org.mlplatform.pipeline.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.mlplatform.pipeline.dataset.ClassLabels;
import org.mlplatform.pipeline.dataset.Dataset;
import org.mlplatform.pipeline.dataset.InvalidDataException;

class StratifiedKFoldTest {

    /** 23 rows of class 0, 11 of 1, 7 of 2, in a fixed scrambled order. */
    private final Dataset data = dataset(new int[] {23, 11, 7});

    @Test
    void putsEveryRowInExactlyOneValidationFold() {
        List<Fold> folds = new StratifiedKFold(5, 3).split(data);

        assertEquals(5, folds.size());
        int[] timesValidated = new int[data.rows()];
        for (int f = 0; f < folds.size(); f++) {
            Fold fold = folds.get(f);
            assertEquals(f, fold.index());
            for (int row : fold.validationRows()) {
                timesValidated[row]++;
            }
            int[] complement = IntStream.range(0, data.rows())
                    .filter(row -> Arrays.binarySearch(fold.validationRows(), row) < 0)
                    .toArray();
            assertArrayEquals(complement, fold.trainRows());
        }
        assertTrue(Arrays.stream(timesValidated).allMatch(times -> times == 1));
    }

    @Test
    void keepsClassProportionsInEveryFold() {
        int[] counts = data.classCounts();

        for (Fold fold : new StratifiedKFold(5, 3).split(data)) {
            int[] foldCounts = data.select(fold.validationRows()).classCounts();
            for (int k = 0; k < counts.length; k++) {
                assertTrue(Math.abs(foldCounts[k] - counts[k] / 5.0) < 1, "fold " + fold.index() + " class " + k
                        + ": " + foldCounts[k] + " of " + counts[k]);
            }
            assertTrue(Math.abs(fold.validationRows().length - data.rows() / 5.0) < 1);
        }
    }

    @Test
    void shufflesDeterministicallyBySeed() {
        List<Fold> first = new StratifiedKFold(4, 9).split(data);
        List<Fold> again = new StratifiedKFold(4, 9).split(data);
        List<Fold> otherSeed = new StratifiedKFold(4, 10).split(data);

        for (int f = 0; f < 4; f++) {
            assertArrayEquals(first.get(f).validationRows(), again.get(f).validationRows());
        }
        assertFalse(Arrays.equals(first.get(0).validationRows(), otherSeed.get(0).validationRows()));
    }

    @Test
    void refusesMoreFoldsThanTheSmallestClassHasRows() {
        Dataset small = dataset(new int[] {10, 3});

        InvalidDataException e = assertThrows(InvalidDataException.class,
                () -> new StratifiedKFold(5, 1).split(small));
        assertEquals("cvFolds=5 exceeds the 3 rows of class 'x1'", e.getMessage());
    }

    @Test
    void needsTwoFolds() {
        assertThrows(IllegalArgumentException.class, () -> new StratifiedKFold(1, 1));
    }

    private static Dataset dataset(int[] counts) {
        int rows = Arrays.stream(counts).sum();
        int[] labels = new int[rows];
        int i = 0;
        for (int k = 0; k < counts.length; k++) {
            for (int c = 0; c < counts[k]; c++) {
                labels[i++] = k;
            }
        }
        // scramble deterministically: multiplying by a number coprime to rows permutes the positions
        int[] scrambled = new int[rows];
        for (int r = 0; r < rows; r++) {
            scrambled[(int) ((long) r * 7919 % rows)] = labels[r];
        }
        double[] features = IntStream.range(0, rows).asDoubleStream().toArray();
        List<String> names = IntStream.range(0, counts.length).mapToObj(k -> "x" + k).toList();
        return new Dataset(features, rows, 1, scrambled, new ClassLabels(names, false), List.of());
    }
}
