package org.mlplatform.inference.scorings.entity;

import java.util.List;

/**
 * Consecutive input rows read as one batch item: the accepted rows' float32 features (row-major),
 * their data-row numbers and, when the output repeats the input, their text; plus the rows rejected
 * among them. One item per batch of rows keeps the batch runtime's per-item cost off every row.
 *
 * @param features  {@code count * featureCount} values
 * @param rows      data-row number of each accepted row
 * @param text      the accepted lines' bytes back to back (null when the input is not repeated)
 * @param textEnds  end offset in {@code text} of each accepted line
 */
public record RowBlock(int count, float[] features, long[] rows, byte[] text, int[] textEnds, List<RejectedRow> rejected) {

    public int textStart(int index) {
        return index == 0 ? 0 : textEnds[index - 1];
    }
}
