package org.lectern.node.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.lectern.node.messaging.SessionsRevoked;
import org.lectern.node.user.UserDirectory;
import org.lectern.node.user.UserSummary;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Login and logout. Login checks the password once and hands out a token that every node of the cluster accepts;
 * logout revokes that token on every node, and ends the live sessions opened with it.
 */
@RestController
@RequestMapping("/api/auth")
class LoginController {

    private static final String ROLE_PREFIX = "ROLE_";

    private final AuthenticationManager authenticationManager;
    private final LoginAttemptLimiter attempts;
    private final TokenService tokens;
    private final Revocations revocations;
    private final UserDirectory users;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    LoginController(AuthenticationManager authenticationManager, LoginAttemptLimiter attempts, TokenService tokens,
            Revocations revocations, UserDirectory users, ApplicationEventPublisher events, Clock clock) {
        this.authenticationManager = authenticationManager;
        this.attempts = attempts;
        this.tokens = tokens;
        this.revocations = revocations;
        this.users = users;
        this.events = events;
        this.clock = clock;
    }

    /** The client's address is the balancer's {@code X-Forwarded-For} when the balancer is a trusted proxy. */
    @PostMapping("/login")
    ResponseEntity<LoginResponse> login(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
        LoginAttemptLimiter.Attempt attempt = attempts.begin(request.username(), http.getRemoteAddr());
        Authentication authentication;
        try {
            authentication = authenticationManager.authenticate(
                    UsernamePasswordAuthenticationToken.unauthenticated(request.username(), request.password()));
        } catch (BadCredentialsException e) {
            attempt.failed();
            throw e;
        } catch (RuntimeException e) {
            attempt.unjudged();
            throw e;
        }
        attempt.succeeded();
        List<String> roles = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith(ROLE_PREFIX)) // not Spring's factor authorities
                .map(authority -> authority.substring(ROLE_PREFIX.length()))
                .toList();
        TokenService.IssuedToken token = tokens.issue(authentication.getName(), roles);
        UserSummary user = users.summaryOf(authentication.getName());
        return ResponseEntity.ok()
                .header(HttpHeaders.SET_COOKIE, tokenCookie(token.value(), Duration.between(clock.instant(),
                        token.expiresAt()), http.isSecure()).toString())
                .body(new LoginResponse(token.value(), token.expiresAt(), user));
    }

    /** Revokes the token the request came with, cluster-wide, and tells the browser to drop the cookie. */
    @PostMapping("/logout")
    ResponseEntity<Void> logout(@AuthenticationPrincipal Jwt token, HttpServletRequest http) {
        revocations.revokeToken(token.getId(), token.getExpiresAt());
        events.publishEvent(SessionsRevoked.token(token.getSubject(), token.getId(), "You logged out"));
        return ResponseEntity.noContent()
                .header(HttpHeaders.SET_COOKIE, tokenCookie("", Duration.ZERO, http.isSecure()).toString())
                .build();
    }

    /**
     * The login cookie; {@code Secure} when the request came over TLS (directly, or to the balancer, which says so in
     * {@code X-Forwarded-Proto}), so that the browser never sends it over plain HTTP again. Not over plain HTTP: a
     * browser would drop a Secure cookie set on an http page, and the demo on one machine has no TLS.
     */
    private static ResponseCookie tokenCookie(String value, Duration maxAge, boolean secure) {
        return ResponseCookie.from(TokenCookieBearerTokenResolver.COOKIE_NAME, value)
                .httpOnly(true)
                .secure(secure)
                .sameSite("Strict")
                .path("/")
                .maxAge(maxAge)
                .build();
    }

    record LoginRequest(@NotBlank @Size(max = 50) String username, @NotBlank @Size(max = 200) String password) {
    }

    record LoginResponse(String token, Instant expiresAt, UserSummary user) {
    }
}
