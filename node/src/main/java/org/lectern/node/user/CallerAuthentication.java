package org.lectern.node.user;

import java.util.Collection;
import java.util.Optional;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * A request's login token with the caller's account as the directory answered while the roles were granted, so that
 * a request reads its caller once ({@link CurrentUserArgumentResolver} takes it from here), not once for the roles
 * and again for the controller.
 */
public final class CallerAuthentication extends JwtAuthenticationToken {

    /** Null when the login no longer exists: the token is valid, but nobody is behind it. */
    private final transient CurrentUser caller;

    public CallerAuthentication(Jwt jwt, Collection<? extends GrantedAuthority> authorities, CurrentUser caller) {
        super(jwt, authorities);
        this.caller = caller;
    }

    public Optional<CurrentUser> caller() {
        return Optional.ofNullable(caller);
    }
}
