package org.mlplatform.builder.trainings.control;

/**
 * A request body (or multipart part) that cannot be read as what it must be, before any member is
 * looked at: not JSON, not one object, nested values, duplicate members, content after the object.
 * {@code field} names the body ({@code body}) or the part.
 */
public class MalformedBodyException extends InvalidRequestException {

    public MalformedBodyException(String field, String message) {
        super(field, message);
    }
}
