package org.mlplatform.inference.drift.control;

import java.util.Arrays;

/**
 * The per-feature bin counts of the last {@code capacity} rows recorded, in bounded memory: a ring of
 * rows, each its bin index (a byte) per feature, plus the counts. A value x falls in bin i when
 * {@code edges[i-1] < x <= edges[i]}, compared as float32 ({@link BinEdges}).
 * <p>
 * A request bins its rows (at most {@value #ROWS_PER_REQUEST}) on its own thread, then holds the
 * window's lock only to copy the bins into the ring and move the counts (a few nanoseconds per row, no
 * allocation, no atomic operation per value). It replaced a lock-free ring of per-row arrays with
 * atomic counts, whose cache lines every concurrent request contended for, and costs less per row
 * (DriftRecordingBenchmark, docs/benchmarks.md).
 */
public final class RecentWindow {

    /** Bin indices are stored as unsigned bytes. */
    public static final int MAX_BINS = 256;
    /** At most this many rows of one request enter the window. */
    public static final int ROWS_PER_REQUEST = 1_000;

    private final int capacity;
    private final BinEdges[] edges;
    private final int features;
    private final int stride;
    /** Row r of the ring holds its bins at {@code [r * features, (r + 1) * features)}. */
    private final byte[] ring;
    private final int[] counts;
    /** Rows that entered the ring so far; the next one goes to row {@code entered % capacity}. */
    private long entered;

    /**
     * @param capacity rows kept, at least 1
     * @param edges    per feature, the ascending inner bin edges (at most {@code MAX_BINS - 1})
     */
    public RecentWindow(int capacity, double[][] edges) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
        this.edges = Arrays.stream(edges).map(BinEdges::of).toArray(BinEdges[]::new);
        this.features = edges.length;
        this.stride = Arrays.stream(edges).mapToInt(featureEdges -> featureEdges.length + 1).max().orElse(1);
        if (stride > MAX_BINS) {
            throw new IllegalArgumentException("at most " + MAX_BINS + " bins per feature, got " + stride);
        }
        this.ring = new byte[Math.multiplyExact(capacity, Math.max(1, features))];
        this.counts = new int[features * stride];
    }

    public int capacity() {
        return capacity;
    }

    /**
     * Adds the rows of one request: all of them, or of a request longer than
     * {@value #ROWS_PER_REQUEST} rows (or than the window) that many, evenly spaced. Binning costs
     * 80-100 ns per 10-feature row, several times ONNX Runtime's batched run of it; the sample
     * bounds what drift tracking adds to a large request, and a thousand evenly spaced rows show
     * its distribution as well as all of them would.
     *
     * @param values row-major, {@code rows * features} values (the array may be longer)
     */
    public void record(float[] values, int rows) {
        if (rows <= 0) {
            return;
        }
        int recorded = Math.min(rows, Math.min(capacity, ROWS_PER_REQUEST));
        byte[] bins = new byte[recorded * features];
        for (int i = 0, b = 0; i < recorded; i++) {
            int row = recorded == rows ? i : (int) ((long) i * rows / recorded);
            for (int j = 0; j < features; j++) {
                bins[b++] = (byte) edges[j].bin(values[row * features + j]);
            }
        }
        enter(bins, recorded);
    }

    private synchronized void enter(byte[] bins, int rows) {
        int slot = (int) (entered % capacity);
        for (int row = 0; row < rows; row++) {
            int offset = slot * features;
            if (entered + row >= capacity) {
                for (int j = 0; j < features; j++) {
                    counts[j * stride + (ring[offset + j] & 0xFF)]--;
                }
            }
            for (int j = 0; j < features; j++) {
                byte bin = bins[row * features + j];
                ring[offset + j] = bin;
                counts[j * stride + (bin & 0xFF)]++;
            }
            slot = slot + 1 == capacity ? 0 : slot + 1;
        }
        entered += rows;
    }

    /** Rows per bin of {@code feature} now ({@code edges.length + 1} counts). */
    public synchronized int[] counts(int feature) {
        return Arrays.copyOfRange(counts, feature * stride, feature * stride + edges[feature].count() + 1);
    }

    /** Rows in the window: those recorded, at most the capacity. */
    public synchronized int rows() {
        return (int) Math.min(entered, capacity);
    }
}
