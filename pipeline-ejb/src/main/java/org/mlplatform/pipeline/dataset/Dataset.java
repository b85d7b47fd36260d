package org.mlplatform.pipeline.dataset;

import java.util.List;

/**
 * Labelled samples held as one row-major {@code double[]} so that large files are stored once.
 *
 * @param features     row-major values, {@code rows * columns} long
 * @param rows         number of samples
 * @param columns      number of features
 * @param labels       class index (into {@code classes}) of each row
 * @param classes      the distinct labels
 * @param featureNames column names from the header row, empty when the file had none
 */
public record Dataset(double[] features, int rows, int columns, int[] labels, ClassLabels classes,
                      List<String> featureNames) {

    public Dataset {
        if (features.length != (long) rows * columns) {
            throw new IllegalArgumentException("features hold " + features.length + " values, expected "
                    + rows + " x " + columns);
        }
        if (labels.length != rows) {
            throw new IllegalArgumentException(labels.length + " labels for " + rows + " rows");
        }
        featureNames = List.copyOf(featureNames);
    }

    public double value(int row, int column) {
        return features[row * columns + column];
    }

    /** Number of rows of each class, indexed like {@link #classes()}. */
    public int[] classCounts() {
        int[] counts = new int[classes.size()];
        for (int label : labels) {
            counts[label]++;
        }
        return counts;
    }

    /** The given rows, in the given order, with the same classes and feature names. */
    public Dataset select(int[] rowIndices) {
        double[] selected = new double[rowIndices.length * columns];
        int[] selectedLabels = new int[rowIndices.length];
        for (int i = 0; i < rowIndices.length; i++) {
            System.arraycopy(features, rowIndices[i] * columns, selected, i * columns, columns);
            selectedLabels[i] = labels[rowIndices[i]];
        }
        return new Dataset(selected, rowIndices.length, columns, selectedLabels, classes, featureNames);
    }

    /** The same labels with other feature values, e.g. after scaling. */
    public Dataset withFeatures(double[] newFeatures) {
        return new Dataset(newFeatures, rows, columns, labels, classes, featureNames);
    }
}
