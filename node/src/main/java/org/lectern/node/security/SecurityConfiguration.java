package org.lectern.node.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.SecretKey;
import org.lectern.node.user.CallerAuthentication;
import org.lectern.node.user.CurrentUser;
import org.lectern.node.user.KnownCallers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two doors: operator endpoints under {@code /actuator}, guarded by address (health open to the load balancer,
 * metrics only to configured scrapers); everything else, guarded by a signed login token that has not been
 * revoked. The login itself and the API description are open.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final GrantedAuthority ROLE_USER = new SimpleGrantedAuthority("ROLE_USER");
    private static final GrantedAuthority ROLE_ADMIN = new SimpleGrantedAuthority("ROLE_ADMIN");

    /**
     * No Spring Security observations: they wrap each of a request's filters in an observation of its own (a
     * counter before and after each, timers for the chain, the authentication and the authorization), a share of
     * every request's CPU for figures nobody reads. The request's own timer (http.server.requests) stays.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    @Order(1)
    SecurityFilterChain actuatorChain(HttpSecurity http, SecurityProperties properties, JsonMapper json)
            throws Exception {
        ProblemResponses problems = ProblemResponses.forAddressGuarded(json);
        http.securityMatcher("/actuator/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/actuator/prometheus").access(fromAddresses(metricsScrapers(properties)))
                        .anyRequest().denyAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain applicationChain(HttpSecurity http, JwtDecoder decoder, KnownCallers users, JsonMapper json)
            throws Exception {
        ProblemResponses problems = ProblemResponses.forApi(json);
        // The token's roles are read from the database (below): without it, 503 as from the API, not an error page.
        http.addFilterBefore(new DatabaseUnavailableFilter(problems), BearerTokenAuthenticationFilter.class);
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.POST, "/api/auth/login").permitAll()
                        .requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/**").permitAll()
                        .requestMatchers("/error").permitAll()
                        .requestMatchers(HttpMethod.GET, LoginPageEntryPoint.LOGIN_PAGE, "/css/**", "/js/**",
                                "/webjars/**", "/favicon.ico").permitAll()
                        .requestMatchers("/api/admin/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .bearerTokenResolver(new TokenCookieBearerTokenResolver())
                        .authenticationEntryPoint(entryPoint(problems))
                        .accessDeniedHandler(problems)
                        .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(authenticationConverter(users))))
                // Stateless: the token is the session, valid on every node. The login cookie is SameSite=Strict,
                // so no other site can make a browser send it, which is what CSRF protection would guard against.
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .exceptionHandling(errors -> errors.authenticationEntryPoint(entryPoint(problems))
                        .accessDeniedHandler(problems));
        return http.build();
    }

    /** API, WebSocket and API description answer 401 as problem details; pages send the browser to the login. */
    private static AuthenticationEntryPoint entryPoint(ProblemResponses problems) {
        RequestMatcher machines = new OrRequestMatcher(
                PathPatternRequestMatcher.withDefaults().matcher("/api/**"),
                PathPatternRequestMatcher.withDefaults().matcher("/ws/**"),
                PathPatternRequestMatcher.withDefaults().matcher("/v3/**"));
        LinkedHashMap<RequestMatcher, AuthenticationEntryPoint> byPath = new LinkedHashMap<>();
        byPath.put(machines, problems);
        DelegatingAuthenticationEntryPoint entryPoint = new DelegatingAuthenticationEntryPoint(byPath);
        entryPoint.setDefaultEntryPoint(new LoginPageEntryPoint());
        return entryPoint;
    }

    private static AuthorizationManager<RequestAuthorizationContext> fromAddresses(RequestMatcher addresses) {
        return (authentication, context) -> new AuthorizationDecision(addresses.matches(context.getRequest()));
    }

    private static RequestMatcher metricsScrapers(SecurityProperties properties) {
        List<RequestMatcher> matchers = properties.metricsAllowedAddresses().stream()
                .<RequestMatcher>map(IpAddressMatcher::new)
                .toList();
        return new OrRequestMatcher(matchers);
    }

    /**
     * Roles come from the user directory, not from the token's claim: an administrator is read on every request, so
     * a demoted one loses the role with the next request, not when the token expires hours later; a student is read
     * again after ten minutes at most (docs/decisions.md). A login that no longer exists gets no role. While the
     * database is unreachable, the roles are the ones last read ({@link KnownCallers}). The account found here is the
     * request's caller too ({@link CallerAuthentication}): one look-up per request.
     */
    static Converter<Jwt, AbstractAuthenticationToken> authenticationConverter(KnownCallers users) {
        // Spring's converter for what it adds besides roles (the bearer-token factor); no roles from the claims.
        JwtAuthenticationConverter spring = new JwtAuthenticationConverter();
        spring.setJwtGrantedAuthoritiesConverter(jwt -> List.of());
        return jwt -> {
            Optional<CurrentUser> caller = users.find(jwt.getSubject());
            List<GrantedAuthority> authorities = new ArrayList<>(spring.convert(jwt).getAuthorities());
            caller.ifPresent(user -> authorities.addAll(user.admin() ? List.of(ROLE_USER, ROLE_ADMIN)
                    : List.of(ROLE_USER)));
            return new CallerAuthentication(jwt, authorities, caller.orElse(null));
        };
    }

    @Bean
    SecretKey tokenKey(SecurityProperties properties) {
        return TokenSecret.load(properties);
    }

    @Bean
    JwtEncoder jwtEncoder(SecretKey tokenKey) {
        return NimbusJwtEncoder.withSecretKey(tokenKey).algorithm(MacAlgorithm.HS256).build();
    }

    @Bean
    JwtDecoder jwtDecoder(SecretKey tokenKey, Revocations revocations) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(tokenKey).macAlgorithm(MacAlgorithm.HS256).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(TokenService.ISSUER),
                new RevokedTokenValidator(revocations)));
        return decoder;
    }

    /**
     * BCrypt at cost {@value #BCRYPT_COST}, chosen rather than defaulted: 78 to 107 ms of one core per login on the
     * 2-core reference machine ({@code ./lectern bench bcrypt}; figures and reasons in docs/decisions.md). Stored
     * hashes carry their cost, so changing it later keeps every existing password valid.
     */
    static final int BCRYPT_COST = 10;

    @Bean
    static PasswordEncoder passwordEncoder() {
        // Every hash the node ever stored is "{bcrypt}…": no other scheme needs to be readable.
        return new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder(BCRYPT_COST)));
    }

    @Bean
    AuthenticationManager authenticationManager(UserDetailsService users, PasswordEncoder passwordEncoder) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(passwordEncoder);
        return new ProviderManager(provider);
    }
}
