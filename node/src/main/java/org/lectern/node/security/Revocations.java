package org.lectern.node.security;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.lectern.node.cluster.TokenRevocations;
import org.lectern.node.messaging.SessionsRevoked;
import org.lectern.node.user.UserDirectory;
import org.lectern.node.web.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Which login tokens are refused before they expire: one token (logout) or every token of a login issued before a
 * time ("log out everywhere"). Written to the database first, which survives a restart of the whole cluster, then to
 * the cluster's cache, which every request reads (no database round trip per request). A node fills the cache from
 * the database before it serves, so after a full restart nothing revoked works again.
 */
@Service
class Revocations implements SmartInitializingSingleton {

    private static final Logger LOG = LoggerFactory.getLogger(Revocations.class);

    private final RevokedTokenRepository tokens;
    private final UserRevocationRepository users;
    private final TokenRevocations cache;
    private final SecurityProperties properties;
    private final UserDirectory directory;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Revocations(RevokedTokenRepository tokens, UserRevocationRepository users, TokenRevocations cache,
            SecurityProperties properties, UserDirectory directory, ApplicationEventPublisher events,
            PlatformTransactionManager transactionManager, Clock clock) {
        this.tokens = tokens;
        this.users = users;
        this.cache = cache;
        this.properties = properties;
        this.directory = directory;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** Before the node serves: stored revocations back into the cache (after a full restart it is empty). */
    @Override
    public void afterSingletonsInstantiated() {
        transactions.executeWithoutResult(status -> {
            Instant now = clock.instant();
            tokens.deleteExpired(now);
            users.deleteExpired(now);
            List<RevokedToken> storedTokens = tokens.findUnexpired(now);
            storedTokens.forEach(token -> cache.revoke(token.tokenId(), token.expiresAt()));
            List<UserRevocation> storedUsers = users.findUnexpired(now);
            storedUsers.forEach(user -> cache.revokeUser(user.login(), user.revokedBefore(), user.expiresAt()));
            LOG.info("Token revocations in force: {} tokens, {} logins", storedTokens.size(), storedUsers.size());
        });
    }

    /** Refuses this token on every node from now until it expires, also after restarts. */
    @Transactional
    public void revokeToken(String tokenId, Instant expiresAt) {
        tokens.saveAndFlush(new RevokedToken(tokenId, expiresAt));
        cache.revoke(tokenId, expiresAt);
    }

    /**
     * Refuses every token of {@code login} issued until now, on every node, also after restarts; tokens issued later
     * (a new login) are valid. Token times have whole seconds, so a login in the very second of the revocation gets
     * a token refused too: the safe side.
     */
    @Transactional
    public void revokeUser(String login) {
        Instant now = clock.instant();
        // Every token issued before now expires within one token validity.
        Instant expiresAt = now.plus(properties.tokenValidity());
        users.saveAndFlush(new UserRevocation(login, now, expiresAt));
        cache.revokeUser(login, now, expiresAt);
    }

    /**
     * "Log out everywhere": refuses every token of the user issued until now ({@link #revokeUser}) and, once that is
     * committed, ends their live sessions on every node.
     *
     * @throws NotFoundException when there is no such user
     */
    @Transactional
    public void logOutEverywhere(String login, String byAdministrator) {
        if (directory.find(login).isEmpty()) {
            throw new NotFoundException("user", login);
        }
        revokeUser(login);
        events.publishEvent(SessionsRevoked.allOf(login, "An administrator logged you out everywhere"));
        LOG.info("{} logged {} out everywhere", byAdministrator, login);
    }

    /** Whether the token was revoked, singly or with all of its login's. */
    public boolean isRevoked(Jwt token) {
        if (cache.isRevoked(token.getId())) {
            return true;
        }
        Instant issuedAt = token.getIssuedAt();
        return cache.userRevokedBefore(token.getSubject())
                .map(before -> issuedAt == null || issuedAt.isBefore(before))
                .orElse(false);
    }
}
