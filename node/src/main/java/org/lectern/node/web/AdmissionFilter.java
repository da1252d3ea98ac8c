package org.lectern.node.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sheds load instead of collapsing: a request beyond the node's free slots ({@link AdmissionLimiter}) is answered
 * at once with 503, a jittered {@code Retry-After} and a problem detail, before any work (login token, BCrypt,
 * database) is spent on it. Health probes pass, so a busy node still says it is alive; so do WebSocket handshakes,
 * since an open WebSocket holds no request thread and the broker bounds connections.
 */
class AdmissionFilter extends OncePerRequestFilter {

    static final String REFUSED_METER = "lectern.admission.refused";
    static final String LOGIN_PATH = "/api/auth/login";

    private final AdmissionLimiter limiter;
    private final AdmissionProperties properties;
    private final JsonMapper json;
    private final Counter refused;
    private final Counter refusedLogins;

    AdmissionFilter(AdmissionLimiter limiter, AdmissionProperties properties, JsonMapper json, MeterRegistry meters) {
        this.limiter = limiter;
        this.properties = properties;
        this.json = json;
        this.refused = Counter.builder(REFUSED_METER).tag("slots", "requests")
                .description("Requests answered 503 because every slot was taken").register(meters);
        this.refusedLogins = Counter.builder(REFUSED_METER).tag("slots", "logins")
                .description("Requests answered 503 because every slot was taken").register(meters);
        Gauge.builder("lectern.admission.free", limiter, AdmissionLimiter::freeSlots)
                .description("Request slots free now").register(meters);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/actuator/health")
                || "websocket".equalsIgnoreCase(request.getHeader(HttpHeaders.UPGRADE));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!limiter.tryAdmit()) {
            refused.increment();
            refuse(request, response);
            return;
        }
        try {
            if (isLogin(request)) {
                admitLogin(request, response, chain);
            } else {
                chain.doFilter(request, response);
            }
        } finally {
            limiter.release();
        }
    }

    /** A password check also takes one of the few login slots, so a hall's logins never take every request slot. */
    private void admitLogin(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!limiter.tryAdmitLogin()) {
            refusedLogins.increment();
            refuse(request, response);
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            limiter.releaseLogin();
        }
    }

    private static boolean isLogin(HttpServletRequest request) {
        return HttpMethod.POST.matches(request.getMethod())
                && request.getRequestURI().equals(request.getContextPath() + LOGIN_PATH);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long seconds = properties.retryAfter().toSeconds();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "This node is busy; send the request again after Retry-After seconds.");
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
