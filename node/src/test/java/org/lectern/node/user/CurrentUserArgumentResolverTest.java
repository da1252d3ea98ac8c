package org.lectern.node.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;

class CurrentUserArgumentResolverTest {

    private final KnownCallers users = mock(KnownCallers.class);
    private final CurrentUserArgumentResolver resolver = new CurrentUserArgumentResolver(users);

    @AfterEach
    void loggedOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void shouldTakeTheCallerReadWithTheRolesWithoutReadingAgain() {
        logIn(new CallerAuthentication(token("ada"), List.of(), new CurrentUser(3, "ada", true)));

        assertThat(resolver.resolveArgument(null, null, null, null)).isEqualTo(new CurrentUser(3, "ada", true));
        verifyNoInteractions(users);
    }

    @Test
    void shouldRefuseATokenWhoseLoginNoLongerExists() {
        logIn(new CallerAuthentication(token("eve"), List.of(), null));

        assertThatThrownBy(() -> resolver.resolveArgument(null, null, null, null))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class)
                .hasMessageContaining("No such user");
        verifyNoInteractions(users);
    }

    @Test
    void shouldReadTheCallerOfAnyOtherAuthentication() {
        given(users.find("bob")).willReturn(Optional.of(new CurrentUser(4, "bob", false)));
        logIn(new TestingAuthenticationToken("bob", null, "ROLE_USER"));

        assertThat(resolver.resolveArgument(null, null, null, null)).isEqualTo(new CurrentUser(4, "bob", false));
    }

    private static void logIn(Authentication authentication) {
        if (!(authentication instanceof TestingAuthenticationToken)) {
            authentication.setAuthenticated(true);
        }
        SecurityContextHolder.getContext().setAuthentication(authentication);
    }

    private static Jwt token(String login) {
        Instant issued = Instant.parse("2026-12-07T08:00:00Z");
        return Jwt.withTokenValue("t").header("alg", "HS256").subject(login).issuedAt(issued)
                .expiresAt(issued.plusSeconds(3600)).build();
    }
}
