package org.lectern.node.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.lectern.node.web.DatabaseUnavailable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes security refusals as RFC 9457 problem details, like every other error of the API, so a client tells
 * "log in again" (401) from "not for you" (403) by the status alone.
 */
final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final JsonMapper json;
    private final HttpStatus unauthenticatedStatus;
    private final String unauthenticatedDetail;

    private ProblemResponses(JsonMapper json, HttpStatus unauthenticatedStatus, String unauthenticatedDetail) {
        this.json = json;
        this.unauthenticatedStatus = unauthenticatedStatus;
        this.unauthenticatedDetail = unauthenticatedDetail;
    }

    /** For the API: a missing or expired login is a 401. */
    static ProblemResponses forApi(JsonMapper json) {
        return new ProblemResponses(json, HttpStatus.UNAUTHORIZED, "Log in first: the request carries no valid login token.");
    }

    /** For operator endpoints guarded by address, where logging in would not help: a 403. */
    static ProblemResponses forAddressGuarded(JsonMapper json) {
        return new ProblemResponses(json, HttpStatus.FORBIDDEN, "This endpoint is not available from your address.");
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        write(request, response, unauthenticatedStatus, unauthenticatedDetail);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        write(request, response, HttpStatus.FORBIDDEN, "Your role does not allow this request.");
    }

    /** The database could not tell who the caller is (docs/runbook.md, database outage): retry later. */
    void databaseUnavailable(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(DatabaseUnavailable.RETRY_AFTER.toSeconds()));
        write(request, response, HttpStatus.SERVICE_UNAVAILABLE, DatabaseUnavailable.detailFor(request.getMethod()));
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
