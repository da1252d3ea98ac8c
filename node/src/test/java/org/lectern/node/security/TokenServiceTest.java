package org.lectern.node.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.lectern.node.support.MutableClock;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

class TokenServiceTest {

    private final SecretKeySpec key = new SecretKeySpec(new byte[32], "HmacSHA256");
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-20T10:00:00.750Z"));
    private final TokenService tokens = new TokenService(
            NimbusJwtEncoder.withSecretKey(key).algorithm(MacAlgorithm.HS256).build(),
            new SecurityProperties("", Path.of("unused"), Duration.ofHours(8), List.of("127.0.0.1"),
                    new SecurityProperties.LoginAttempts(5, 20, Duration.ofMinutes(1), 1000)),
            clock);
    private final NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();

    TokenServiceTest() {
        // Reads the claims only: whether the token is still valid is judged by the real clock, not the test's.
        decoder.setJwtValidator(token -> OAuth2TokenValidatorResult.success());
    }

    @Test
    void shouldGiveEveryTokenItsOwnIdWhenIssuingTwiceForOneUser() {
        Jwt first = decoder.decode(tokens.issue("student1", List.of("USER")).value());
        Jwt second = decoder.decode(tokens.issue("student1", List.of("USER")).value());

        assertThat(first.getId()).isNotBlank();
        assertThat(second.getId()).isNotBlank().isNotEqualTo(first.getId());
    }

    @Test
    void shouldExpireTheTokenAfterTheConfiguredValidityWhenIssued() {
        TokenService.IssuedToken issued = tokens.issue("student1", List.of("USER"));

        Jwt token = decoder.decode(issued.value());
        assertThat(issued.expiresAt()).isEqualTo(Instant.parse("2026-11-20T18:00:00Z"));
        assertThat(token.getExpiresAt()).isEqualTo(issued.expiresAt());
        assertThat(token.getSubject()).isEqualTo("student1");
    }
}
