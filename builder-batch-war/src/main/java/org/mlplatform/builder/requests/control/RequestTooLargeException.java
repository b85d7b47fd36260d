package org.mlplatform.builder.requests.control;

/** A request body over the builder's limit: 413, the message naming the limit and its setting. */
public class RequestTooLargeException extends RuntimeException {

    public RequestTooLargeException(String message) {
        super(message);
    }
}
