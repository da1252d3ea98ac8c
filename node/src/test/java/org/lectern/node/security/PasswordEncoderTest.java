package org.lectern.node.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Passwords are hashed at the cost docs/decisions.md chose, and hashes of another cost stay valid. */
class PasswordEncoderTest {

    private final PasswordEncoder encoder = SecurityConfiguration.passwordEncoder();

    @Test
    void shouldHashWithBcryptAtTheChosenCostWhenAPasswordIsSet() {
        String hash = encoder.encode("correct horse");

        assertThat(hash).startsWith("{bcrypt}$2a$" + SecurityConfiguration.BCRYPT_COST + "$");
        assertThat(encoder.matches("correct horse", hash)).isTrue();
    }

    @Test
    void shouldAcceptAPasswordWhenItsHashHasAnotherCost() {
        String older = "{bcrypt}" + new BCryptPasswordEncoder(4).encode("correct horse");

        assertThat(encoder.matches("correct horse", older)).isTrue();
        assertThat(encoder.matches("wrong horse", older)).isFalse();
    }
}
