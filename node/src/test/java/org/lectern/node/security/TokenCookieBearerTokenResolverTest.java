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
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setCookies(new Cookie("other", "x"), new Cookie(TokenCookieBearerTokenResolver.COOKIE_NAME, "t0k"));

        assertThat(resolver.resolve(request)).isEqualTo("t0k");
    }

    @Test
    void shouldFindNoTokenWhenThereIsNone() {
        assertThat(resolver.resolve(new MockHttpServletRequest())).isNull();
    }
}
