package org.mlplatform.inference.predictions.control;

/**
 * A request the service rejects, with the HTTP status it deserves and, where it applies, the
 * 1-based row and column of the offending value.
 */
public class InvalidInputException extends RuntimeException {

    public static final int BAD_REQUEST = 400;
    public static final int PAYLOAD_TOO_LARGE = 413;
    public static final int UNSUPPORTED_MEDIA_TYPE = 415;

    private final int status;
    private final String title;
    private final Integer row;
    private final Integer column;

    public InvalidInputException(int status, String title, String detail, Integer row, Integer column) {
        super(detail);
        this.status = status;
        this.title = title;
        this.row = row;
        this.column = column;
    }

    public static InvalidInputException badRequest(String title, String detail) {
        return new InvalidInputException(BAD_REQUEST, title, detail, null, null);
    }

    public static InvalidInputException at(String title, String detail, int row, Integer column) {
        return new InvalidInputException(BAD_REQUEST, title, detail, row, column);
    }

    public static InvalidInputException tooLarge(String detail) {
        return new InvalidInputException(PAYLOAD_TOO_LARGE, "Request too large", detail, null, null);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public Integer row() {
        return row;
    }

    public Integer column() {
        return column;
    }
}
