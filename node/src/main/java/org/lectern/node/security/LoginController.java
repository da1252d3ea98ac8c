package org.lectern.node.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.lectern.node.user.UserDirectory;
import org.lectern.node.user.UserSummary;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Login: checks the password once and hands out a token that every node of the cluster accepts. */
@RestController
@RequestMapping("/api/auth")
class LoginController {

    private static final String ROLE_PREFIX = "ROLE_";

    private final AuthenticationManager authenticationManager;
    private final TokenService tokens;
    private final UserDirectory users;
    private final Clock clock;

    LoginController(AuthenticationManager authenticationManager, TokenService tokens, UserDirectory users, Clock clock) {
        this.authenticationManager = authenticationManager;
        this.tokens = tokens;
        this.users = users;
        this.clock = clock;
    }

    @PostMapping("/login")
    ResponseEntity<LoginResponse> login(@Valid @RequestBody LoginRequest request) {
        Authentication authentication = authenticationManager.authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated(request.username(), request.password()));
        List<String> roles = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith(ROLE_PREFIX)) // not Spring's factor authorities
                .map(authority -> authority.substring(ROLE_PREFIX.length()))
                .toList();
        TokenService.IssuedToken token = tokens.issue(authentication.getName(), roles);
        UserSummary user = users.summaryOf(authentication.getName());
        ResponseCookie cookie = ResponseCookie.from(TokenCookieBearerTokenResolver.COOKIE_NAME, token.value())
                .httpOnly(true)
                .sameSite("Strict")
                .path("/")
                .maxAge(Duration.between(clock.instant(), token.expiresAt()))
                .build();
        return ResponseEntity.ok()
                .header(HttpHeaders.SET_COOKIE, cookie.toString())
                .body(new LoginResponse(token.value(), token.expiresAt(), user));
    }

    record LoginRequest(@NotBlank @Size(max = 50) String username, @NotBlank @Size(max = 200) String password) {
    }

    record LoginResponse(String token, Instant expiresAt, UserSummary user) {
    }
}
