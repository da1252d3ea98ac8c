package org.lectern.node.security;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Service;

/**
 * Issues the signed, stateless login tokens every node accepts: a student whose node dies stays logged in on the
 * next one without any session replication.
 */
@Service
class TokenService {

    static final String ROLES_CLAIM = "roles";
    static final String ISSUER = "lectern";

    private final JwtEncoder encoder;
    private final SecurityProperties properties;
    private final Clock clock;

    TokenService(JwtEncoder encoder, SecurityProperties properties, Clock clock) {
        this.encoder = encoder;
        this.properties = properties;
        this.clock = clock;
    }

    IssuedToken issue(String login, List<String> roles) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS); // what a token can say: whole seconds
        Instant expiresAt = now.plus(properties.tokenValidity());
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .id(UUID.randomUUID().toString()) // names the token, so that logging out can revoke it
                .issuer(ISSUER)
                .subject(login)
                .issuedAt(now)
                .expiresAt(expiresAt)
                .claim(ROLES_CLAIM, roles)
                .build();
        JwsHeader header = JwsHeader.with(MacAlgorithm.HS256).build();
        String token = encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
        return new IssuedToken(token, expiresAt);
    }

    record IssuedToken(String value, Instant expiresAt) {
    }
}
