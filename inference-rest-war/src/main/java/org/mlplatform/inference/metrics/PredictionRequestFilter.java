package org.mlplatform.inference.metrics;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.mlplatform.inference.models.control.ServedModels;

/**
 * Counts and times every prediction request ({@code POST /api/models/{m}/predict},
 * {@code POST /v2/models/{m}[/versions/{v}]/infer}, and {@code POST /api/models/{m}/explain} as api
 * {@code explain}) from its arrival to the written response, by
 * {@code model}, {@code version} (the number the request was served by, empty when none was
 * resolved), {@code api} and {@code outcome}. A model name that is not served is recorded as an
 * empty {@code model}, so that made-up names cannot grow the label set.
 */
@WebFilter(urlPatterns = {"/api/models/*", "/v2/models/*"})
public class PredictionRequestFilter extends HttpFilter {

    private static final Pattern PREDICT = Pattern.compile("/api/models/([^/]+)/(predict|explain)/?");
    private static final Pattern INFER = Pattern.compile("/v2/models/([^/]+)(?:/versions/[^/]+)?/infer/?");

    @Inject
    InferenceMetrics metrics;

    @Inject
    ServedModels served;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
        if (!metrics.enabled() || !"POST".equals(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Matcher predict = PREDICT.matcher(path);
        Matcher infer = predict.matches() ? null : INFER.matcher(path);
        if (infer != null && !infer.matches()) {
            chain.doFilter(request, response);
            return;
        }
        String api = infer != null ? RequestOutcome.OIP
                : "explain".equals(predict.group(2)) ? RequestOutcome.EXPLAIN : RequestOutcome.api(request.getContentType());
        String pathModel = (infer == null ? predict : infer).group(1);
        LeasedVersion.take();
        long start = System.nanoTime();
        boolean failed = true;
        try {
            chain.doFilter(request, response);
            failed = false;
        } finally {
            long nanos = System.nanoTime() - start;
            LeasedVersion leased = LeasedVersion.take();
            String model = leased != null ? leased.model : served.state(pathModel).isPresent() ? pathModel : "";
            String version = leased != null ? Integer.toString(leased.version) : "";
            metrics.request(model, version, api, failed ? RequestOutcome.SERVER_ERROR : RequestOutcome.of(response.getStatus()), nanos);
        }
    }
}
