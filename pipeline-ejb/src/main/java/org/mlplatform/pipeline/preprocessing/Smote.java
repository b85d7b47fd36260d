package org.mlplatform.pipeline.preprocessing;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.mlplatform.pipeline.dataset.Dataset;
import org.mlplatform.pipeline.dataset.InvalidDataException;

/**
 * SMOTE oversampling as imbalanced-learn's default ({@code sampling_strategy='auto'}): every class
 * smaller than the largest one gets synthetic rows until it is as large. A synthetic row is
 * {@code x + u * (neighbour - x)} for a random row {@code x} of the class, one of its {@code k}
 * nearest neighbours in the same class (Euclidean) and {@code u} uniform in [0, 1).
 *
 * Distances are taken on the features as given, so scale them first when their units differ.
 * Apply to training rows only: synthetic rows in validation or test data would flatter the metrics.
 */
public final class Smote {

    private final int neighbours;
    private final long seed;

    /**
     * @param neighbours k, the nearest neighbours to interpolate towards (imbalanced-learn's default is 5);
     *                   a class with at most k rows uses all its other rows
     * @param seed       fixes the rows, neighbours and steps drawn
     */
    public Smote(int neighbours, long seed) {
        if (neighbours < 1) {
            throw new IllegalArgumentException("SMOTE needs at least 1 neighbour, got " + neighbours);
        }
        this.neighbours = neighbours;
        this.seed = seed;
    }

    /** The original rows first, then the synthetic rows of each smaller class in class order. */
    public Dataset resample(Dataset training) {
        int[] counts = training.classCounts();
        int majority = Arrays.stream(counts).max().orElse(0);
        int synthetic = Arrays.stream(counts).map(count -> majority - count).sum();
        if (synthetic == 0) {
            return training;
        }
        int rows = training.rows();
        int columns = training.columns();
        double[] x = training.features();
        double[] features = Arrays.copyOf(x, Math.multiplyExact(rows + synthetic, columns));
        int[] labels = Arrays.copyOf(training.labels(), rows + synthetic);
        SplittableRandom random = new SplittableRandom(seed);
        int next = rows;
        for (int k = 0; k < counts.length; k++) {
            if (counts[k] == majority) {
                continue;
            }
            if (counts[k] < 2) {
                throw new InvalidDataException("SMOTE needs at least 2 rows of class '" + training.classes().get(k)
                        + "' to interpolate between, the training rows have " + counts[k]);
            }
            ClassNeighbours members = new ClassNeighbours(training, k, Math.min(neighbours, counts[k] - 1));
            for (int s = counts[k]; s < majority; s++) {
                int member = random.nextInt(counts[k]);
                int from = members.row(member);
                int to = members.neighbour(member, random.nextInt(members.k));
                double step = random.nextDouble();
                for (int c = 0; c < columns; c++) {
                    double value = x[from * columns + c];
                    features[next * columns + c] = value + step * (x[to * columns + c] - value);
                }
                labels[next++] = k;
            }
        }
        return new Dataset(features, rows + synthetic, columns, labels, training.classes(), training.featureNames());
    }

    /**
     * The rows of one class and, computed when first asked for, each row's k nearest others: brute force
     * over a contiguous copy of the class's rows.
     */
    private static final class ClassNeighbours {
        private static final int BLOCK = 4;

        private final int[] rows;
        private final int k;
        private final int columns;
        private final double[] points;
        private final int[][] nearest;

        ClassNeighbours(Dataset data, int classIndex, int k) {
            this.rows = IntStream.range(0, data.rows())
                    .filter(i -> data.labels()[i] == classIndex)
                    .toArray();
            this.k = k;
            this.columns = data.columns();
            this.points = new double[rows.length * columns];
            for (int member = 0; member < rows.length; member++) {
                System.arraycopy(data.features(), rows[member] * columns, points, member * columns, columns);
            }
            this.nearest = new int[rows.length][];
        }

        int row(int member) {
            return rows[member];
        }

        /** The data row of the member's j-th nearest neighbour (0 = nearest; ties go to the earlier row). */
        int neighbour(int member, int j) {
            if (nearest[member] == null) {
                nearest[member] = search(member);
            }
            return rows[nearest[member][j]];
        }

        private int[] search(int member) {
            int[] best = new int[k];
            double[] bestDistance = new double[k];
            Arrays.fill(bestDistance, Double.POSITIVE_INFINITY);
            double[] distances = new double[BLOCK];
            for (int first = 0; first < rows.length; first += BLOCK) {
                int count = Math.min(BLOCK, rows.length - first);
                squaredDistances(member, first, count, distances);
                for (int i = 0; i < count; i++) {
                    int other = first + i;
                    double distance = distances[i];
                    if (other == member || !(distance < bestDistance[k - 1])) {
                        continue;
                    }
                    int at = k - 1;
                    while (at > 0 && distance < bestDistance[at - 1]) {
                        best[at] = best[at - 1];
                        bestDistance[at] = bestDistance[at - 1];
                        at--;
                    }
                    best[at] = other;
                    bestDistance[at] = distance;
                }
            }
            return best;
        }

        /**
         * Squared distances from {@code member} to {@code count} consecutive members from {@code first}. Four
         * at a time, so that four independent sums overlap in the CPU; each is still summed column by column.
         */
        private void squaredDistances(int member, int first, int count, double[] distances) {
            int a = member * columns;
            if (count < BLOCK) {
                for (int i = 0; i < count; i++) {
                    int b = (first + i) * columns;
                    double sum = 0;
                    for (int c = 0; c < columns; c++) {
                        double d = points[a + c] - points[b + c];
                        sum += d * d;
                    }
                    distances[i] = sum;
                }
                return;
            }
            int b0 = first * columns;
            int b1 = b0 + columns;
            int b2 = b1 + columns;
            int b3 = b2 + columns;
            double sum0 = 0;
            double sum1 = 0;
            double sum2 = 0;
            double sum3 = 0;
            for (int c = 0; c < columns; c++) {
                double value = points[a + c];
                double d0 = value - points[b0 + c];
                double d1 = value - points[b1 + c];
                double d2 = value - points[b2 + c];
                double d3 = value - points[b3 + c];
                sum0 += d0 * d0;
                sum1 += d1 * d1;
                sum2 += d2 * d2;
                sum3 += d3 * d3;
            }
            distances[0] = sum0;
            distances[1] = sum1;
            distances[2] = sum2;
            distances[3] = sum3;
        }
    }
}
