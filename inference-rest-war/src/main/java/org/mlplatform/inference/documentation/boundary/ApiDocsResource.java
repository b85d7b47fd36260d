package org.mlplatform.inference.documentation.boundary;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Map;
import java.util.Properties;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Swagger UI at {@code /api-docs}, over the server's {@code /openapi} document. The page and its
 * initializer are this WAR's; the UI's files come from the {@code org.webjars:swagger-ui} jar.
 * (JAX-RS owns the context root's {@code /*}, so the container's default servlet cannot serve them.)
 * The context root itself is the landing page ({@code cards.boundary.LandingPageResource}).
 */
@Path("")
public class ApiDocsResource {

    private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/" + webjarVersion() + "/";
    private static final Map<String, String> MEDIA_TYPES = Map.of(
            "html", "text/html; charset=UTF-8",
            "js", "text/javascript; charset=UTF-8",
            "css", "text/css; charset=UTF-8",
            "png", "image/png",
            "map", "application/json");

    @GET
    @Path("api-docs")
    @Operation(hidden = true)
    public Response page(@Context UriInfo uri) {
        // The page links its files relatively, so it must be addressed as a folder.
        if (!uri.getRequestUri().getPath().endsWith("/")) {
            return Response.seeOther(URI.create("/api-docs/")).build();
        }
        return file("index.html");
    }

    @GET
    @Path("api-docs/{file: [A-Za-z0-9._-]+}")
    @Operation(hidden = true)
    public Response file(@PathParam("file") String file) {
        ClassLoader loader = ApiDocsResource.class.getClassLoader();
        InputStream content = loader.getResourceAsStream("api-docs/" + file);
        if (content == null) {
            content = loader.getResourceAsStream(WEBJAR + file);
        }
        if (content == null || file.startsWith(".")) {
            throw new NotFoundException("no such file: /api-docs/" + file);
        }
        String extension = file.substring(file.lastIndexOf('.') + 1);
        CacheControl cache = new CacheControl();
        cache.setMaxAge(3600);
        return Response.ok(content, MEDIA_TYPES.getOrDefault(extension, "application/octet-stream")).cacheControl(cache).build();
    }

    private static String webjarVersion() {
        Properties properties = new Properties();
        try (InputStream in = ApiDocsResource.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("the org.webjars:swagger-ui jar is missing from WEB-INF/lib");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version");
    }
}
