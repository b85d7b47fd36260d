package org.mlplatform.builder.trainings.control;

import org.mlplatform.builder.problems.control.ProblemTypes;

/**
 * A request body (or multipart part) that cannot be read as what it must be, before any member is
 * looked at: not JSON, not one object, nested values, duplicate members, content after the object.
 * {@code field} names the body ({@code body}), the part or the member; {@code title} the mistake, in
 * the words the inference service uses for the same one ({@link ProblemTypes#MALFORMED_JSON},
 * {@link ProblemTypes#DUPLICATE_MEMBER}, {@link ProblemTypes#MALFORMED_REQUEST}).
 */
public class MalformedBodyException extends InvalidRequestException {

    private final String title;

    public MalformedBodyException(String title, String field, String message) {
        super(field, message);
        this.title = title;
    }

    public String title() {
        return title;
    }
}
