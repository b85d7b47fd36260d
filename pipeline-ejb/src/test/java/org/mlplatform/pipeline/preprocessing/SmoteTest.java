package org.mlplatform.pipeline.preprocessing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.mlplatform.pipeline.dataset.ClassLabels;
import org.mlplatform.pipeline.dataset.Dataset;
import org.mlplatform.pipeline.dataset.InvalidDataException;

class SmoteTest {

    private static final ClassLabels ABC = new ClassLabels(List.of("a", "b", "c"), false);

    /** 40 rows of a, 12 of b, 4 of c (fewer than k + 1), interleaved. */
    private final Dataset imbalanced = randomData(new int[] {40, 12, 4}, 3);

    @Test
    void balancesEveryClassUpToTheLargest() {
        Dataset resampled = new Smote(5, 1).resample(imbalanced);

        assertArrayEquals(new int[] {40, 40, 40}, resampled.classCounts());
        assertEquals(imbalanced.columns(), resampled.columns());
        assertSame(imbalanced.classes(), resampled.classes());
    }

    @Test
    void keepsTheOriginalRowsFirst() {
        Dataset resampled = new Smote(5, 1).resample(imbalanced);

        int values = imbalanced.features().length;
        assertArrayEquals(imbalanced.features(), Arrays.copyOf(resampled.features(), values));
        assertArrayEquals(imbalanced.labels(), Arrays.copyOf(resampled.labels(), imbalanced.rows()));
    }

    @Test
    void isDeterministicForASeed() {
        Dataset first = new Smote(5, 42).resample(imbalanced);
        Dataset second = new Smote(5, 42).resample(imbalanced);
        Dataset otherSeed = new Smote(5, 43).resample(imbalanced);

        assertArrayEquals(first.features(), second.features());
        assertArrayEquals(first.labels(), second.labels());
        assertFalse(Arrays.equals(first.features(), otherSeed.features()));
    }

    @Test
    void placesSyntheticRowsBetweenARowAndOneOfItsNearestSameClassNeighbours() {
        int k = 5;
        Dataset resampled = new Smote(k, 7).resample(imbalanced);

        for (int s = imbalanced.rows(); s < resampled.rows(); s++) {
            double[] synthetic = row(resampled, s);
            int label = resampled.labels()[s];
            assertTrue(liesOnANeighbourSegment(synthetic, label, k),
                    "row " + s + " " + Arrays.toString(synthetic) + " of class " + label);
        }
    }

    @Test
    void leavesABalancedSetAsItIs() {
        Dataset balanced = randomData(new int[] {6, 6}, 2);

        assertSame(balanced, new Smote(5, 1).resample(balanced));
    }

    @Test
    void needsTwoRowsOfEachClassToOversample() {
        Dataset single = randomData(new int[] {5, 5, 1}, 2);

        InvalidDataException e = assertThrows(InvalidDataException.class, () -> new Smote(5, 1).resample(single));
        assertEquals("SMOTE needs at least 2 rows of class 'c' to interpolate between, the training rows have 1",
                e.getMessage());
    }

    private boolean liesOnANeighbourSegment(double[] synthetic, int label, int k) {
        int[] members = IntStream.range(0, imbalanced.rows()).filter(i -> imbalanced.labels()[i] == label).toArray();
        int neighbours = Math.min(k, members.length - 1);
        for (int member : members) {
            double[] x = row(imbalanced, member);
            int[] nearest = Arrays.stream(members).boxed()
                    .filter(other -> other != member)
                    .sorted(Comparator.comparingDouble(other -> distance(x, row(imbalanced, other))))
                    .limit(neighbours)
                    .mapToInt(Integer::intValue)
                    .toArray();
            for (int neighbour : nearest) {
                if (onSegment(synthetic, x, row(imbalanced, neighbour))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether {@code p = x + u * (y - x)} for some u in [0, 1). */
    private static boolean onSegment(double[] p, double[] x, double[] y) {
        double along = 0;
        double length = 0;
        for (int c = 0; c < p.length; c++) {
            along += (p[c] - x[c]) * (y[c] - x[c]);
            length += (y[c] - x[c]) * (y[c] - x[c]);
        }
        double u = along / length;
        if (u < 0 || u >= 1) {
            return false;
        }
        for (int c = 0; c < p.length; c++) {
            if (Math.abs(x[c] + u * (y[c] - x[c]) - p[c]) > 1e-12) {
                return false;
            }
        }
        return true;
    }

    private static double distance(double[] a, double[] b) {
        double sum = 0;
        for (int c = 0; c < a.length; c++) {
            sum += (a[c] - b[c]) * (a[c] - b[c]);
        }
        return sum;
    }

    private static double[] row(Dataset data, int i) {
        return Arrays.copyOfRange(data.features(), i * data.columns(), (i + 1) * data.columns());
    }

    /** Gaussian rows, each class around its own centre, classes interleaved. */
    private static Dataset randomData(int[] counts, int columns) {
        SplittableRandom random = new SplittableRandom(2024);
        int rows = Arrays.stream(counts).sum();
        double[] features = new double[rows * columns];
        int[] labels = new int[rows];
        int[] left = counts.clone();
        for (int i = 0, k = 0; i < rows; k = (k + 1) % counts.length) {
            if (left[k]-- > 0) {
                labels[i] = k;
                for (int c = 0; c < columns; c++) {
                    features[i * columns + c] = 3 * k + gaussian(random);
                }
                i++;
            }
        }
        ClassLabels classes = new ClassLabels(ABC.values().subList(0, counts.length), false);
        return new Dataset(features, rows, columns, labels, classes, List.of());
    }

    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
