package org.mlplatform.inference.scorings.control;

import jakarta.ejb.ApplicationException;

/**
 * A scoring request or operation refused, with the HTTP status it deserves and the request member
 * at fault (null when none is).
 */
@ApplicationException(rollback = false)
public class ScoringException extends RuntimeException {

    private final int status;
    private final String title;
    private final String field;

    public ScoringException(int status, String title, String field, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
        this.field = field;
    }

    public static ScoringException invalid(String field, String detail) {
        return new ScoringException(400, "Invalid scoring request", field, detail);
    }

    public static ScoringException notFound(String field, String detail) {
        return new ScoringException(404, "Not Found", field, detail);
    }

    /** An execution id in a path that is not a positive integer: a malformed request (400), as a malformed version is. */
    public static ScoringException invalidId(String text) {
        return new ScoringException(400, "Invalid execution id", "id",
                "the execution id must be a positive integer, got '" + text + "'");
    }

    public static ScoringException conflict(String detail) {
        return new ScoringException(409, "Conflict", null, detail);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String field() {
        return field;
    }
}
