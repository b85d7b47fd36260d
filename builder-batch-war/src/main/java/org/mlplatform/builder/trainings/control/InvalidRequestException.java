package org.mlplatform.builder.trainings.control;

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

    public String field() {
        return field;
    }
}
