package org.mlplatform.inference.problems.boundary;

/**
 * One problem type per kind of mistake (README, "Errors"): the type URI a client can switch on,
 * the same whichever layer answers (JAX-RS mapper or the servlet error page).
 */
public final class ProblemTypes {

    public static final String CONTENT_TYPE = "application/problem+json";

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

    /** What the 401 says: the credentials are missing or refused, and a refused account may be locked for a while. */
    public static String unauthorizedDetail(boolean credentialsSent) {
        return credentialsSent
                ? "the user name and password were refused: wrong, or the account is locked after repeated failed logins "
                        + "(10 failures in a row lock it for 15 minutes; README, 'Login lockout')"
                : "this operation needs an application user in role model-admin (HTTP Basic authentication)";
    }
}
