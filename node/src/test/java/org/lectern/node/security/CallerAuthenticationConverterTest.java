package org.lectern.node.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.lectern.node.user.CallerAuthentication;
import org.lectern.node.user.CurrentUser;
import org.lectern.node.user.KnownCallers;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

class CallerAuthenticationConverterTest {

    private final KnownCallers users = mock(KnownCallers.class);

    @Test
    void shouldReadTheCallerOnceAndKeepItWithTheRoles() {
        given(users.find("ada")).willReturn(Optional.of(new CurrentUser(3, "ada", true)));

        AbstractAuthenticationToken authentication = SecurityConfiguration.authenticationConverter(users)
                .convert(token("ada"));

        assertThat(authentication).isInstanceOfSatisfying(CallerAuthentication.class,
                caller -> assertThat(caller.caller()).contains(new CurrentUser(3, "ada", true)));
        assertThat(authentication.getName()).isEqualTo("ada");
        assertThat(authentication.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .contains("ROLE_USER", "ROLE_ADMIN");
        verify(users, times(1)).find("ada");
    }

    @Test
    void shouldGiveAStudentNoAdministratorRole() {
        given(users.find("bob")).willReturn(Optional.of(new CurrentUser(4, "bob", false)));

        AbstractAuthenticationToken authentication = SecurityConfiguration.authenticationConverter(users)
                .convert(token("bob"));

        assertThat(authentication.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .contains("ROLE_USER").doesNotContain("ROLE_ADMIN");
    }

    @Test
    void shouldGiveALoginThatNoLongerExistsNoRoleAndNoCaller() {
        given(users.find("eve")).willReturn(Optional.empty());

        AbstractAuthenticationToken authentication = SecurityConfiguration.authenticationConverter(users)
                .convert(token("eve"));

        assertThat(authentication.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .noneMatch(authority -> authority.startsWith("ROLE_"));
        assertThat(((CallerAuthentication) authentication).caller()).isEmpty();
    }

    private static Jwt token(String login) {
        Instant issued = Instant.parse("2026-12-07T08:00:00Z");
        return Jwt.withTokenValue("t").header("alg", "HS256").subject(login).issuedAt(issued)
                .expiresAt(issued.plusSeconds(3600)).build();
    }
}
