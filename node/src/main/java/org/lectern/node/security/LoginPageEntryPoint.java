package org.lectern.node.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Sends a browser that opens a page without a valid login to the login page, remembering where it wanted to go.
 * The (missing, expired or revoked) login cookie is cleared on the way, so the login page itself never bounces.
 */
final class LoginPageEntryPoint implements AuthenticationEntryPoint {

    static final String LOGIN_PAGE = "/login";

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        String target = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        response.addHeader(HttpHeaders.SET_COOKIE, clearedCookie().toString());
        response.sendRedirect(request.getContextPath() + LOGIN_PAGE + "?next="
                + URLEncoder.encode(target, StandardCharsets.UTF_8));
    }

    static ResponseCookie clearedCookie() {
        return ResponseCookie.from(TokenCookieBearerTokenResolver.COOKIE_NAME, "")
                .httpOnly(true).sameSite("Strict").path("/").maxAge(0).build();
    }
}
