package org.mlplatform.inference.problems.boundary;

/**
 * One problem type per kind of mistake (README, "Errors"): the type URI a client can switch on,
 * the same whichever layer answers (JAX-RS mapper or the servlet error page). The title is the type's
 * own, except for {@code invalid-request}, whose title names the mistake ({@code Malformed JSON},
 * {@code Invalid version}, ...), the same words for the same mistake on both services.
 * <p>
 * The builder keeps the same list in {@code builder-batch-war/.../problems/control/ProblemTypes.java}
 * (it adds {@code conflict}, 409, which only the builder answers), and the server's fixed answers are in
 * {@code wildfly-config/src/main/problems/*.problem}: a change here belongs there too (a handful of
 * constants is not worth a shared module between two services that deploy on their own).
 */
public final class ProblemTypes {

    public static final String CONTENT_TYPE = "application/problem+json";

    /** What a 500 says, on both services: nothing of the server's insides. */
    public static final String INTERNAL_ERROR_DETAIL = "the service failed to answer this request; the server log has details";

    /**
     * 409: the version cannot be explained (imported, or trained before metadata.json had a training baseline).
     * Not named by its status alone: the other 409s (a scoring restarted or stopped out of turn) are {@code conflict}.
     */
    public static final String EXPLANATION_UNAVAILABLE = "urn:mlplatform:problem:explanation-unavailable";
    public static final String EXPLANATION_UNAVAILABLE_TITLE = "Explanation unavailable";

    private ProblemTypes() {
    }

    /** {@code urn:mlplatform:problem:<kind>} for an HTTP status. */
    public static String of(int status) {
        return "urn:mlplatform:problem:" + switch (status) {
            case 400 -> "invalid-request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 408 -> "request-timeout";
            case 409 -> "conflict";
            case 413 -> "request-too-large";
            case 415 -> "unsupported-media-type";
            case 503 -> "unavailable";
            default -> status >= 500 ? "internal-error" : "client-error";
        };
    }

    /** The title of a status's type (a 400's title names the mistake instead). */
    public static String titleOf(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 406 -> "Not Acceptable";
            case 408 -> "Request Timeout";
            case 409 -> "Conflict";
            case 413 -> "Request too large";
            case 415 -> "Unsupported Media Type";
            case 503 -> "Service Unavailable";
            default -> status >= 500 ? "Internal error" : "Client error";
        };
    }

    /** What the 401 says: the credentials are missing or refused, and a refused account may be locked for a while. */
    public static String unauthorizedDetail(boolean credentialsSent) {
        return credentialsSent
                ? "the user name and password were refused: wrong, or the account is locked after repeated failed logins "
                        + "(10 failures in a row lock it for 15 minutes; README, 'Login lockout')"
                : "this operation needs an application user in role model-admin (HTTP Basic authentication)";
    }
}
