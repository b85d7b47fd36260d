package org.mlplatform.inference.drift.control;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The per-feature bin counts of the last {@code capacity} rows recorded, in bounded memory: a ring of
 * rows, each its bin index (a byte) per feature, plus the counts. A value x falls in bin i when
 * {@code edges[i-1] < x <= edges[i]}.
 * <p>
 * The edges are compared as float32, the precision the served rows have: a training value 5.8 sits on
 * the edge 5.8 (float64) in the baseline, and the served row's 5.8 (float32, 5.80000019...) must fall in
 * the same bin, not in the next.
 * <p>
 * Wait-free: a batch bins its rows first, claims consecutive ring slots with one {@code getAndAdd},
 * adds its rows to the counts (a small batch row by row), then per row swaps its bins into the slot and
 * takes the bins it swapped out of the counts (a row is counted before it enters the ring, so no count
 * goes below 0).
 * Every row swapped out is subtracted exactly once, so the counts always come back to the ring's
 * content; only when writers lap each other (more than {@code capacity} rows in flight) may a slot
 * end up holding the older of two rows.
 */
public final class RecentWindow {

    /** Bin indices are stored as unsigned bytes. */
    public static final int MAX_BINS = 256;
    private static final int LINEAR_COUNT_EDGES = 16;
    private static final int BATCHED_COUNTS_ROWS = 16;

    private final int capacity;
    private final float[][] edges;
    private final int features;
    private final int stride;
    private final AtomicReferenceArray<byte[]> ring;
    private final AtomicLong next = new AtomicLong();
    private final AtomicIntegerArray counts;

    /**
     * @param capacity rows kept, at least 1
     * @param edges    per feature, the ascending inner bin edges (at most {@code MAX_BINS - 1})
     */
    public RecentWindow(int capacity, double[][] edges) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
        this.edges = Arrays.stream(edges).map(RecentWindow::toFloats).toArray(float[][]::new);
        this.features = edges.length;
        this.stride = Arrays.stream(edges).mapToInt(featureEdges -> featureEdges.length + 1).max().orElse(1);
        if (stride > MAX_BINS) {
            throw new IllegalArgumentException("at most " + MAX_BINS + " bins per feature, got " + stride);
        }
        this.ring = new AtomicReferenceArray<>(capacity);
        this.counts = new AtomicIntegerArray(features * stride);
    }

    public int capacity() {
        return capacity;
    }

    /**
     * @param values row-major, {@code rows * features} values (the array may be longer)
     */
    public void record(float[] values, int rows) {
        if (rows <= 0) {
            return;
        }
        long first = next.getAndAdd(rows);
        // Of a batch longer than the window, only its last capacity rows would stay
        int start = Math.max(0, rows - capacity);
        if (rows - start < BATCHED_COUNTS_ROWS) {
            for (int row = start; row < rows; row++) {
                byte[] bins = bins(values, row);
                for (int j = 0; j < features; j++) {
                    counts.incrementAndGet(j * stride + (bins[j] & 0xFF));
                }
                byte[] evicted = ring.getAndSet(slot(first + row), bins);
                if (evicted != null) {
                    for (int j = 0; j < features; j++) {
                        counts.decrementAndGet(j * stride + (evicted[j] & 0xFF));
                    }
                }
            }
            return;
        }
        // A larger batch changes the counts by one atomic add per bin, not per value: concurrent
        // requests would otherwise contend for the same few cache lines for every value they record
        byte[][] binned = new byte[rows - start][];
        int[] change = new int[counts.length()];
        for (int row = start; row < rows; row++) {
            byte[] bins = bins(values, row);
            for (int j = 0; j < features; j++) {
                change[j * stride + (bins[j] & 0xFF)]++;
            }
            binned[row - start] = bins;
        }
        apply(change);
        for (int row = start; row < rows; row++) {
            byte[] evicted = ring.getAndSet(slot(first + row), binned[row - start]);
            if (evicted != null) {
                for (int j = 0; j < features; j++) {
                    change[j * stride + (evicted[j] & 0xFF)]--;
                }
            }
        }
        apply(change);
    }

    private byte[] bins(float[] values, int row) {
        byte[] bins = new byte[features];
        for (int j = 0; j < features; j++) {
            bins[j] = (byte) bin(edges[j], values[row * features + j]);
        }
        return bins;
    }

    private int slot(long position) {
        return (int) (position % capacity);
    }

    /** Adds {@code change} to the counts and leaves it all zeros. */
    private void apply(int[] change) {
        for (int i = 0; i < change.length; i++) {
            if (change[i] != 0) {
                counts.addAndGet(i, change[i]);
                change[i] = 0;
            }
        }
    }

    private static float[] toFloats(double[] values) {
        float[] floats = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            floats[i] = (float) values[i];
        }
        return floats;
    }

    /**
     * The bin of {@code x}: the number of edges below it. Edges that became equal as float32 are all
     * below or all not, so no bin depends on which of them a search meets first. Up to
     * {@value #LINEAR_COUNT_EDGES} edges (the default deciles have 9) they are counted one by one without
     * a branch, which is several times faster than a binary search whose every step the processor mispredicts.
     */
    static int bin(float[] edges, float x) {
        if (edges.length <= LINEAR_COUNT_EDGES) {
            int below = 0;
            for (float edge : edges) {
                below += edge < x ? 1 : 0;
            }
            return below;
        }
        int low = 0;
        int high = edges.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (edges[middle] < x) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** Rows per bin of {@code feature} now ({@code edges.length + 1} counts). */
    public int[] counts(int feature) {
        int[] featureCounts = new int[edges[feature].length + 1];
        for (int bin = 0; bin < featureCounts.length; bin++) {
            featureCounts[bin] = counts.get(feature * stride + bin);
        }
        return featureCounts;
    }

    /** Rows in the window: those recorded, at most the capacity. */
    public int rows() {
        return (int) Math.min(next.get(), capacity);
    }
}
