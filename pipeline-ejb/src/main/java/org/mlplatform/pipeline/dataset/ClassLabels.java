package org.mlplatform.pipeline.dataset;

import java.util.List;

/**
 * The distinct class labels of a training set, in the order that fixes the probability columns
 * (scikit-learn's {@code classes_}): ascending numerically when every label is an integer,
 * otherwise ascending as strings.
 *
 * @param values  the labels as written in the data
 * @param integer true when every label is an integer (exported as {@code classlabels_ints})
 */
public record ClassLabels(List<String> values, boolean integer) {

    public ClassLabels {
        values = List.copyOf(values);
    }

    public int size() {
        return values.size();
    }

    public String get(int classIndex) {
        return values.get(classIndex);
    }

    /** The labels as integers; only valid when {@link #integer()} is true. */
    public long[] asLongs() {
        if (!integer) {
            throw new IllegalStateException("class labels are strings: " + values);
        }
        return values.stream().mapToLong(Long::parseLong).toArray();
    }
}
