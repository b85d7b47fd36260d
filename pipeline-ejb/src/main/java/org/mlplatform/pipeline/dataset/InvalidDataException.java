package org.mlplatform.pipeline.dataset;

/**
 * Input data a user must fix. The message is meant for them: it names the file, and the line and
 * column where they apply, e.g. {@code train.csv line 17, column 3: "abc" is not a number}.
 */
public class InvalidDataException extends IllegalArgumentException {

    public InvalidDataException(String message) {
        super(message);
    }
}
