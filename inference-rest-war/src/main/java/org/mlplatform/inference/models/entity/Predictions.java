package org.mlplatform.inference.models.entity;

/**
 * The outputs of one inference call for {@code rows} rows: one label per row, either integer
 * ({@code intLabels}) or string ({@code stringLabels}), and a row-major probability matrix.
 */
public record Predictions(int rows, long[] intLabels, String[] stringLabels, float[] probabilities, int classCount) {

    public boolean hasStringLabels() {
        return stringLabels != null;
    }
}
