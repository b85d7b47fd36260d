package org.mlplatform.inference.predictions.control;

/** Upper bounds on one request: rows in the batch and bytes in the body. */
public record RequestLimits(int maxRows, long maxBodyBytes) {

    public RequestLimits {
        if (maxRows < 1 || maxBodyBytes < 1) {
            throw new IllegalArgumentException("limits must be positive: maxRows " + maxRows + ", maxBodyBytes " + maxBodyBytes);
        }
    }

    public void checkDeclaredLength(long contentLength) {
        if (contentLength > maxBodyBytes) {
            throw bodyTooLarge();
        }
    }

    public InvalidInputException bodyTooLarge() {
        return InvalidInputException.tooLarge("the request body exceeds the limit of " + maxBodyBytes
                + " bytes (mlplatform.inference.max-body-bytes)");
    }

    public InvalidInputException tooManyRows() {
        return InvalidInputException.tooLarge("the batch exceeds the limit of " + maxRows + " rows (mlplatform.inference.max-rows)");
    }
}
