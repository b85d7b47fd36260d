package org.mlplatform.inference.predictions.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

import org.mlplatform.inference.predictions.control.BoundedInputStream;
import org.mlplatform.inference.predictions.control.InvalidInputException;

/**
 * Before any resource is matched or any body read: a body over {@code mlplatform.inference.max-body-bytes}
 * is refused with 413 (from its Content-Length, or while it is read when it comes chunked, also
 * inside multipart parsing), and a predict or infer request whose Content-Type is missing, not a
 * media type, or multipart without a boundary is refused with 415 listing what the endpoint takes
 * (explain takes what predict takes).
 */
@Provider
@PreMatching
public class RequestBodyFilter implements ContainerRequestFilter {

    public static final String PREDICT_ACCEPTS = "application/json, text/csv, or multipart/form-data with a boundary and the CSV in part 'file'";
    public static final String INFER_ACCEPTS = "application/json, or application/octet-stream with binary tensor data";

    @Inject
    RequestReaders readers;

    @Override
    public void filter(ContainerRequestContext request) {
        String accepts = accepted(request.getUriInfo().getPath());
        if (accepts != null) {
            checkContentType(request.getHeaderString(HttpHeaders.CONTENT_TYPE), accepts);
        }
        readers.limits().checkDeclaredLength(request.getLength());
        if (request.hasEntity()) {
            request.setEntityStream(new BoundedInputStream(request.getEntityStream(), readers.limits()));
        }
    }

    /** What a body-taking endpoint accepts, or null for the others. */
    public static String accepted(String path) {
        if (path.startsWith("/")) {
            path = path.substring(1);
        }
        if (path.startsWith("api/models/") && (path.endsWith("/predict") || path.endsWith("/explain"))) {
            return PREDICT_ACCEPTS;
        }
        if (path.startsWith("v2/models/") && path.endsWith("/infer")) {
            return INFER_ACCEPTS;
        }
        return null;
    }

    static void checkContentType(String header, String accepts) {
        if (header == null || header.isBlank()) {
            throw unsupported("the request has no Content-Type; send " + accepts);
        }
        MediaType type;
        try {
            type = MediaType.valueOf(header);
        } catch (IllegalArgumentException e) {
            throw unsupported("'" + header + "' is not a media type; send " + accepts);
        }
        if (type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE) && !type.isWildcardSubtype()
                && (type.getParameters().get("boundary") == null || type.getParameters().get("boundary").isBlank())) {
            throw unsupported("multipart/form-data needs a boundary parameter; send " + accepts);
        }
    }

    private static InvalidInputException unsupported(String detail) {
        return new InvalidInputException(InvalidInputException.UNSUPPORTED_MEDIA_TYPE, "Unsupported Media Type", detail, null, null);
    }
}
