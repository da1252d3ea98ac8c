package org.lectern.node.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class TokenCookieBearerTokenResolverTest {

    private final TokenCookieBearerTokenResolver resolver = new TokenCookieBearerTokenResolver();

    @Test
    void shouldPreferTheAuthorizationHeader() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addHeader("Authorization", "Bearer from-header");
        request.setCookies(new Cookie(TokenCookieBearerTokenResolver.COOKIE_NAME, "from-cookie"));

        assertThat(resolver.resolve(request)).isEqualTo("from-header");
    }

    @Test
    void shouldFallBackToTheLoginCookieForBrowsers() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/courses");
        request.setCookies(new Cookie("other", "x"), new Cookie(TokenCookieBearerTokenResolver.COOKIE_NAME, "t0k"));

        assertThat(resolver.resolve(request)).isEqualTo("t0k");
    }

    @Test
    void shouldIgnoreTheCookieWhenAStateChangingRequestLacksTheClientHeader() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/quizzes/1/start");
        request.setCookies(new Cookie(TokenCookieBearerTokenResolver.COOKIE_NAME, "t0k"));

        assertThat(resolver.resolve(request)).isNull();
    }

    @Test
    void shouldUseTheCookieWhenAStateChangingRequestCarriesTheClientHeader() {
        MockHttpServletRequest request = new MockHttpServletRequest("PUT", "/api/exercises/2/submission");
        request.addHeader(TokenCookieBearerTokenResolver.CLIENT_HEADER, "web");
        request.setCookies(new Cookie(TokenCookieBearerTokenResolver.COOKIE_NAME, "t0k"));

        assertThat(resolver.resolve(request)).isEqualTo("t0k");
    }

    @Test
    void shouldFindNoTokenWhenThereIsNone() {
        assertThat(resolver.resolve(new MockHttpServletRequest())).isNull();
    }
}
