package org.mlplatform.builder.problems.control;

/**
 * The platform's problem vocabulary (README, "Errors"): one {@code type} per kind of mistake, each with
 * one status. The title is the type's own, except for {@code invalid-request}, whose title names the
 * mistake ({@code Malformed JSON}, {@code Invalid version}, ...), the same words for the same mistake on
 * both services.
 * <p>
 * The inference service keeps the same list in
 * {@code inference-rest-war/.../problems/boundary/ProblemTypes.java}, and the server's fixed answers are in
 * {@code wildfly-config/src/main/problems/*.problem}: a change here belongs there too (a handful of
 * constants is not worth a shared module between two services that deploy on their own).
 */
public final class ProblemTypes {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String PREFIX = "urn:mlplatform:problem:";

    public static final String INVALID_REQUEST = PREFIX + "invalid-request";
    public static final String UNAUTHORIZED = PREFIX + "unauthorized";
    public static final String FORBIDDEN = PREFIX + "forbidden";
    public static final String NOT_FOUND = PREFIX + "not-found";
    public static final String METHOD_NOT_ALLOWED = PREFIX + "method-not-allowed";
    public static final String CONFLICT = PREFIX + "conflict";
    public static final String REQUEST_TOO_LARGE = PREFIX + "request-too-large";
    public static final String UNSUPPORTED_MEDIA_TYPE = PREFIX + "unsupported-media-type";
    public static final String UNAVAILABLE = PREFIX + "unavailable";
    public static final String INTERNAL_ERROR = PREFIX + "internal-error";

    /** Titles of 400 {@code invalid-request} for mistakes both services can meet. */
    public static final String MALFORMED_JSON = "Malformed JSON";
    public static final String DUPLICATE_MEMBER = "Duplicate member";
    public static final String MALFORMED_REQUEST = "Malformed request";
    public static final String INVALID_VERSION = "Invalid version";

    /** What a 500 says, on both services: nothing of the server's insides. */
    public static final String INTERNAL_ERROR_DETAIL = "the service failed to answer this request; the server log has details";

    private ProblemTypes() {
    }

    /** The type of an HTTP status. */
    public static String of(int status) {
        return PREFIX + switch (status) {
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

    /** The title of a status's type (a 400's title may name the mistake instead). */
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
}
