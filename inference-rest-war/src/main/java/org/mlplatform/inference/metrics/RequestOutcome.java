package org.mlplatform.inference.metrics;

/** The {@code outcome} and {@code api} labels of a prediction request. */
public final class RequestOutcome {

    public static final String OK = "ok";
    public static final String CLIENT_ERROR = "client_error";
    public static final String NOT_FOUND = "not_found";
    public static final String REJECTED_BUSY = "rejected_busy";
    public static final String SERVER_ERROR = "server_error";

    public static final String REST_JSON = "rest_json";
    public static final String REST_CSV = "rest_csv";
    public static final String MULTIPART = "multipart";
    public static final String OIP = "oip";
    /** {@code POST /api/models/{m}/explain}, whatever its body's media type. */
    public static final String EXPLAIN = "explain";
    /** A REST request whose Content-Type is none of the three accepted (answered 415). */
    public static final String REST_OTHER = "rest_other";

    private RequestOutcome() {
    }

    public static String of(int status) {
        if (status == 404) {
            return NOT_FOUND;
        }
        if (status == 503) {
            return REJECTED_BUSY;
        }
        if (status >= 500) {
            return SERVER_ERROR;
        }
        return status >= 400 ? CLIENT_ERROR : OK;
    }

    /** The REST API a request used, from its Content-Type. */
    public static String api(String contentType) {
        if (contentType == null) {
            return REST_OTHER;
        }
        String type = contentType.toLowerCase(java.util.Locale.ROOT);
        if (type.startsWith("application/json")) {
            return REST_JSON;
        }
        if (type.startsWith("text/csv")) {
            return REST_CSV;
        }
        if (type.startsWith("multipart/form-data")) {
            return MULTIPART;
        }
        return REST_OTHER;
    }
}
