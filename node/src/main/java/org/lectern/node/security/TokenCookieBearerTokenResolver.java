package org.lectern.node.security;

import java.util.Set;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * Finds the login token in the {@code Authorization} header (API clients) or, failing that, in the login cookie:
 * browsers cannot set headers on a WebSocket handshake.
 *
 * <p>The cookie counts for a state-changing request (anything but GET, HEAD, OPTIONS) only with the header
 * {@value #CLIENT_HEADER}: a page of another site can make a browser send the cookie, but not a custom header
 * (that needs a CORS preflight the node never grants). The SameSite=Strict cookie already stops such requests in
 * current browsers; the header keeps them stopped where SameSite is not honoured.
 */
final class TokenCookieBearerTokenResolver implements BearerTokenResolver {

    static final String COOKIE_NAME = "lectern_token";
    static final String CLIENT_HEADER = "X-Lectern-Client";

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final DefaultBearerTokenResolver headerResolver = new DefaultBearerTokenResolver();

    @Override
    public String resolve(HttpServletRequest request) {
        String fromHeader = headerResolver.resolve(request);
        if (fromHeader != null) {
            return fromHeader;
        }
        Cookie[] cookies = request.getCookies();
        if (cookies == null || !mayUseCookie(request)) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (COOKIE_NAME.equals(cookie.getName()) && !cookie.getValue().isBlank()) {
                return cookie.getValue();
            }
        }
        return null;
    }

    private static boolean mayUseCookie(HttpServletRequest request) {
        return SAFE_METHODS.contains(request.getMethod()) || request.getHeader(CLIENT_HEADER) != null;
    }
}
