package org.mlplatform.pipeline.dataset;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a labelled CSV data set comes from: a features file, and its labels either in a separate
 * file ({@code labels}, one label per line, optional header line) or in a column of the features
 * file ({@code labelColumn}: a header name, or a 0-based index written as digits). Exactly one of
 * the two is given.
 */
public record CsvSource(Path features, Path labels, String labelColumn) {

    public CsvSource {
        Objects.requireNonNull(features, "features");
        if ((labels == null) == (labelColumn == null)) {
            throw new IllegalArgumentException("give either a labels file or a label column, not "
                    + (labels == null ? "neither" : "both"));
        }
        if (labelColumn != null && labelColumn.isBlank()) {
            throw new IllegalArgumentException("the label column name is blank");
        }
    }

    /** Features in one file, labels one per line in another. */
    public static CsvSource withLabelsFile(Path features, Path labels) {
        return new CsvSource(features, labels, null);
    }

    /** Features and labels in one file; the label column is named in the header or given as a 0-based index. */
    public static CsvSource withLabelColumn(Path features, String labelColumn) {
        return new CsvSource(features, null, labelColumn);
    }
}
