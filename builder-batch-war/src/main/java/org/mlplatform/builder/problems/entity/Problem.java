package org.mlplatform.builder.problems.entity;

import org.mlplatform.builder.problems.control.ProblemTypes;

/**
 * An RFC 9457 problem detail ({@code application/problem+json}); {@code field} names the request
 * field at fault where there is one. Null members are left out of the JSON.
 */
public record Problem(String type, String title, int status, String detail, String field) {

    public static final String MEDIA_TYPE = ProblemTypes.MEDIA_TYPE;

    /** The problem of a status with its type's own title (README, "Errors"). */
    public static Problem of(int status, String detail) {
        return new Problem(ProblemTypes.of(status), ProblemTypes.titleOf(status), status, detail, null);
    }

    /** A 400 whose title names the mistake. */
    public static Problem invalid(String title, String detail, String field) {
        return new Problem(ProblemTypes.INVALID_REQUEST, title, 400, detail, field);
    }
}
