package org.mlplatform.inference.problems.boundary;

import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MediaType;

import org.mlplatform.inference.predictions.boundary.RequestBodyFilter;

/**
 * The WAR's error page (web.xml {@code <error-page>}): what the servlet container answers itself
 * (401 from the BASIC login, 403, 404 and 405 outside JAX-RS, a failure before JAX-RS such as a
 * malformed {@code Authorization} header) leaves as {@code application/problem+json}, never as
 * HTML or a stack trace. Errors inside JAX-RS are the exception mapper's.
 */
@WebServlet(ErrorPageServlet.PATH)
public class ErrorPageServlet extends HttpServlet {

    static final String PATH = "/errors/problem";
    private static final Logger LOG = Logger.getLogger(ErrorPageServlet.class.getName());
    /** {@code Basic <token68>}: what RFC 7617 allows after the scheme. */
    private static final Pattern BASIC = Pattern.compile("(?i)basic [A-Za-z0-9+/]+={0,2}\\s*");

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Throwable error = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        String path = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        int status = code instanceof Integer number ? number : HttpServletResponse.SC_NOT_FOUND;
        String authorization = request.getHeader("Authorization");
        String title;
        String detail;
        if (error != null && authorization != null && !BASIC.matcher(authorization).matches()) {
            status = HttpServletResponse.SC_BAD_REQUEST;
            title = "Malformed Authorization header";
            detail = "the Authorization header must be 'Basic ' followed by the Base64 of user:password";
            LOG.log(Level.FINE, "refused a malformed Authorization header", error);
        } else if (error != null) {
            status = HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
            title = ProblemTypes.titleOf(status);
            detail = ProblemTypes.INTERNAL_ERROR_DETAIL;
            LOG.log(Level.SEVERE, "unexpected error answering " + path, error);
        } else if (status == HttpServletResponse.SC_BAD_REQUEST && !isMediaType(request.getContentType())) {
            // RESTEasy refuses a Content-Type it cannot parse before any filter of the application runs
            status = HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE;
            title = ProblemTypes.titleOf(status);
            detail = "'" + request.getContentType() + "' is not a media type; send " + accepts(path);
        } else {
            title = ProblemTypes.titleOf(status);
            detail = switch (status) {
                case 401 -> ProblemTypes.unauthorizedDetail(authorization != null);
                case 403 -> "this operation needs the role model-admin";
                case 404 -> "there is nothing at " + (path == null ? request.getRequestURI() : path);
                case 405 -> "the method " + request.getMethod() + " is not allowed on " + path;
                case 400 -> "the request cannot be read as this endpoint expects it";
                default -> ProblemTypes.titleOf(status);
            };
        }
        JsonObjectBuilder problem = Json.createObjectBuilder()
                .add("type", ProblemTypes.of(status))
                .add("title", title)
                .add("status", status)
                .add("detail", detail);
        if (path != null) {
            problem.add("instance", path);
        }
        response.setStatus(status);
        response.setContentType(ProblemTypes.CONTENT_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(problem.build().toString());
    }

    /** What the endpoint at the path takes, as the JAX-RS filter says it. */
    private static String accepts(String path) {
        String accepted = path == null ? null : RequestBodyFilter.accepted(path);
        return accepted == null ? RequestBodyFilter.PREDICT_ACCEPTS : accepted;
    }

    private static boolean isMediaType(String contentType) {
        if (contentType == null) {
            return true;
        }
        try {
            MediaType.valueOf(contentType);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
