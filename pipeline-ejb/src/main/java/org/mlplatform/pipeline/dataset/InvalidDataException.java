package org.mlplatform.pipeline.dataset;

import jakarta.ejb.ApplicationException;

/**
 * Input data a user must fix. The message is meant for them: it names the file, and the line and
 * column where they apply, e.g. {@code train.csv line 17, column 3: "abc" is not a number}.
 * <p>
 * Where it is known, the exception also says which input is at fault ({@link #part()}: the features
 * file, the labels file, the label column, the folds) and of which data set ({@link #dataSet()}:
 * training or test), so that a caller can point at its own name for that input without reading the
 * message. It reaches callers of the EJB facade as it is (an application exception), not as a
 * server failure.
 */
@ApplicationException
public class InvalidDataException extends IllegalArgumentException {

    /** The input of a labelled data set a problem is in. */
    public enum Part {
        /** the features file (also for a label column inside it) */
        FEATURES,
        /** the separate labels file */
        LABELS,
        /** the label column's name or index */
        LABEL_COLUMN,
        /** the number of cross-validation folds against the class counts */
        FOLDS
    }

    /** Which data set of a training run a problem is in. */
    public enum DataSet {
        TRAIN, TEST
    }

    private final Part part;
    private final DataSet dataSet;

    public InvalidDataException(String message) {
        this(message, null, null);
    }

    public InvalidDataException(String message, Part part) {
        this(message, part, null);
    }

    private InvalidDataException(String message, Part part, DataSet dataSet) {
        super(message);
        this.part = part;
        this.dataSet = dataSet;
    }

    /** The input at fault; null when not known. */
    public Part part() {
        return part;
    }

    /** The data set at fault; null when not known. */
    public DataSet dataSet() {
        return dataSet;
    }

    /** The same problem, located in {@code part} unless a part is known already. */
    public InvalidDataException in(Part part) {
        return this.part != null ? this : located(part, dataSet);
    }

    /** The same problem, located in {@code dataSet} unless a data set is known already. */
    public InvalidDataException in(DataSet dataSet) {
        return this.dataSet != null ? this : located(part, dataSet);
    }

    private InvalidDataException located(Part part, DataSet dataSet) {
        InvalidDataException located = new InvalidDataException(getMessage(), part, dataSet);
        located.setStackTrace(getStackTrace());
        return located;
    }
}
