package org.mlplatform.inference.drift.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

class RecentWindowTest {

    private static final double[][] TWO_FEATURES = {{0, 1}, {10}};

    @Test
    void aServedFloat32ValueOnAFloat64EdgeFallsInTheBinBelowIt() {
        // float32 5.8 is 5.80000019..., above the float64 edge 5.8 the training value 5.8 sat on
        RecentWindow window = new RecentWindow(10, new double[][] {{5.8, 6.4}, {0.1 + 0.2}});
        window.record(new float[] {5.8f, (float) (0.1 + 0.2), 6.4f, 0.3f}, 2);
        assertArrayEquals(new int[] {1, 1, 0}, window.counts(0));
        assertArrayEquals(new int[] {2, 0}, window.counts(1));
    }

    @Test
    void countsEachFeaturesBinsOfABatch() {
        RecentWindow window = new RecentWindow(10, TWO_FEATURES);
        window.record(new float[] {-1, 20, 0.5f, 5, 0.7f, 30, 99, 99}, 3); // the trailing values are not rows
        assertArrayEquals(new int[] {1, 2, 0}, window.counts(0));
        assertArrayEquals(new int[] {1, 2}, window.counts(1));
        assertEquals(3, window.rows());
    }

    @Test
    void keepsOnlyTheLastCapacityRows() {
        RecentWindow window = new RecentWindow(4, TWO_FEATURES);
        for (int i = 0; i < 4; i++) {
            window.record(new float[] {-1, 0}, 1);
        }
        assertArrayEquals(new int[] {4, 0, 0}, window.counts(0));
        window.record(new float[] {5, 50, 5, 50, 5, 50}, 3);
        assertArrayEquals(new int[] {1, 0, 3}, window.counts(0));
        assertArrayEquals(new int[] {1, 3}, window.counts(1));
        window.record(new float[] {0.5f, 0}, 1);
        assertArrayEquals(new int[] {0, 1, 3}, window.counts(0));
        assertEquals(4, window.rows());
    }

    @Test
    void aBatchLargerThanTheWindowLeavesAnEvenSampleOfItsRows() {
        RecentWindow window = new RecentWindow(2, TWO_FEATURES);
        window.record(new float[] {-1, 0, 5, 50, 0.5f, 50, 5, 50}, 4);
        assertArrayEquals(new int[] {1, 1, 0}, window.counts(0)); // rows 0 and 2
        assertArrayEquals(new int[] {1, 1}, window.counts(1));
        assertEquals(2, window.rows());
    }

    @Test
    void aRequestOfMoreThanAThousandRowsAddsAThousandEvenlySpaced() {
        RecentWindow window = new RecentWindow(10_000, TWO_FEATURES);
        float[] values = new float[4_000 * 2];
        for (int row = 0; row < 4_000; row++) {
            values[2 * row] = row % 4 == 0 ? -1 : 5; // every 4th row in bin 0, the sampled ones
        }
        window.record(values, 4_000);
        assertEquals(RecentWindow.ROWS_PER_REQUEST, window.rows());
        assertArrayEquals(new int[] {1_000, 0, 0}, window.counts(0));
        window.record(values, 1_000);
        assertArrayEquals(new int[] {1_250, 0, 750}, window.counts(0));
    }

    @Test
    void batchesCountWhatTheirRowsCountOneByOne() {
        java.util.Random random = new java.util.Random(7);
        float[] values = new float[500 * 2];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (random.nextGaussian() * 10);
        }
        RecentWindow batched = new RecentWindow(300, TWO_FEATURES);
        RecentWindow oneByOne = new RecentWindow(300, TWO_FEATURES);
        batched.record(values, 100);
        batched.record(java.util.Arrays.copyOfRange(values, 200, 600), 200);
        batched.record(java.util.Arrays.copyOfRange(values, 600, values.length), 200);
        for (int row = 0; row < 500; row++) {
            oneByOne.record(java.util.Arrays.copyOfRange(values, 2 * row, 2 * row + 2), 1);
        }
        for (int feature = 0; feature < 2; feature++) {
            assertArrayEquals(oneByOne.counts(feature), batched.counts(feature));
        }
        assertEquals(300, java.util.Arrays.stream(batched.counts(0)).sum());
    }

    @Test
    void concurrentWritersThatLapTheWindowLeaveExactlyCapacityRowsOfTheLastKind() throws Exception {
        int capacity = 64;
        RecentWindow window = new RecentWindow(capacity, TWO_FEATURES);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < 5_000; i++) {
                        int rows = 1 + (i + thread) % 40; // small batches counted row by row, larger ones per bin
                        float[] values = new float[rows * 2];
                        for (int r = 0; r < rows; r++) {
                            values[2 * r] = (i + r) % 3 - 0.5f; // bins 0, 1, 2
                            values[2 * r + 1] = (i % 2) * 20;   // bins 0, 1
                        }
                        window.record(values, rows);
                    }
                }));
            }
            for (Future<?> writer : writers) {
                writer.get();
            }
        } finally {
            pool.shutdown();
        }
        // Whatever the interleaving, every eviction matched an earlier insertion: counts sum to the capacity, none negative
        for (int feature = 0; feature < 2; feature++) {
            int[] counts = window.counts(feature);
            assertEquals(capacity, java.util.Arrays.stream(counts).sum());
            java.util.Arrays.stream(counts).forEach(count -> assertEquals(true, count >= 0, "count " + count));
        }
        // and a final sequential pass replaces the window completely
        for (int i = 0; i < capacity; i++) {
            window.record(new float[] {0.5f, 20}, 1);
        }
        assertArrayEquals(new int[] {0, capacity, 0}, window.counts(0));
        assertArrayEquals(new int[] {0, capacity}, window.counts(1));
    }
}
