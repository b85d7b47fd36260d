package org.mlplatform.builder.trainings.control;

import org.mlplatform.pipeline.options.InvalidOptionException;

/**
 * A training request a client must fix; {@code field} names the job parameter (or request part) at
 * fault and the message says what is wrong with it.
 */
public class InvalidRequestException extends RuntimeException {

    private final String field;

    public InvalidRequestException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** An option that breaks its rule; the field is the option's name in requests and job parameters. */
    public InvalidRequestException(InvalidOptionException invalid) {
        super(invalid.getMessage(), invalid);
        this.field = invalid.option().key();
    }

    public String field() {
        return field;
    }
}
