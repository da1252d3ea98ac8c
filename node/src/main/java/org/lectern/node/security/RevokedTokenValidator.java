package org.lectern.node.security;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Refuses tokens whose user logged out (or was logged out everywhere), on whichever node that happened; and tokens
 * without an id, which no logout could revoke.
 */
final class RevokedTokenValidator implements OAuth2TokenValidator<Jwt> {

    private static final OAuth2Error REVOKED = new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
            "The token was revoked by logging out", null);
    private static final OAuth2Error WITHOUT_ID = new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
            "The token has no id", null);

    private final Revocations revocations;

    RevokedTokenValidator(Revocations revocations) {
        this.revocations = revocations;
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        String id = token.getId();
        if (id == null || id.isBlank()) {
            return OAuth2TokenValidatorResult.failure(WITHOUT_ID);
        }
        return revocations.isRevoked(token) ? OAuth2TokenValidatorResult.failure(REVOKED)
                : OAuth2TokenValidatorResult.success();
    }
}
