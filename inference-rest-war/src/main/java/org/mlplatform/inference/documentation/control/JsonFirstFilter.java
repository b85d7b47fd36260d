package org.mlplatform.inference.documentation.control;

import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.parameters.RequestBody;

/**
 * Lists {@code application/json} first in every request body of the OpenAPI document. Swagger UI
 * preselects the first media type, and when one path takes JSON, CSV and multipart (three JAX-RS
 * methods), the order SmallRye merges them in is not the order of their importance.
 * Configured with {@code mp.openapi.filter} in {@code META-INF/microprofile-config.properties}.
 */
public class JsonFirstFilter implements OASFilter {

    static final String JSON = "application/json";

    @Override
    public RequestBody filterRequestBody(RequestBody requestBody) {
        Content content = requestBody.getContent();
        if (content == null || content.getMediaTypes() == null || !content.hasMediaType(JSON)) {
            return requestBody;
        }
        Map<String, MediaType> ordered = new LinkedHashMap<>();
        ordered.put(JSON, content.getMediaType(JSON));
        content.getMediaTypes().forEach(ordered::putIfAbsent);
        Content jsonFirst = OASFactory.createContent();
        ordered.forEach(jsonFirst::addMediaType);
        return requestBody.content(jsonFirst);
    }
}
