package org.mlplatform.builder.problems.entity;

/**
 * An RFC 9457 problem detail ({@code application/problem+json}); {@code field} names the request
 * field at fault where there is one. Null members are left out of the JSON.
 */
public record Problem(String type, String title, int status, String detail, String field) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail, null);
    }
}
