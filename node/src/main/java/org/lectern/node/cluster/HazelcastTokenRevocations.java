package org.lectern.node.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Revoked token ids in a Hazelcast map, each entry living exactly as long as its token would have: the map holds
 * only tokens that are still dangerous, and it needs no cleaning.
 */
@Component
class HazelcastTokenRevocations implements TokenRevocations {

    /** Node-internal: the console has no business with it, so the name is not in shared-model. */
    static final String MAP_NAME = "lectern.revoked-tokens";

    /** Login to the epoch millisecond before which its tokens are revoked. Node-internal too. */
    static final String USERS_MAP_NAME = "lectern.revoked-users";

    private final IMap<String, Long> revoked;
    private final IMap<String, Long> revokedUsers;
    private final Clock clock;

    HazelcastTokenRevocations(HazelcastInstance hazelcast, Clock clock) {
        this.revoked = hazelcast.getMap(MAP_NAME);
        this.revokedUsers = hazelcast.getMap(USERS_MAP_NAME);
        this.clock = clock;
    }

    @Override
    public void revoke(String tokenId, Instant expiresAt) {
        Duration remaining = Duration.between(clock.instant(), expiresAt);
        if (remaining.isNegative() || remaining.isZero()) {
            return; // expired already: refused without our help
        }
        // Rounded up, so the entry never disappears before the token expires.
        revoked.set(tokenId, expiresAt.toEpochMilli(), remaining.toMillis() + 1, TimeUnit.MILLISECONDS);
    }

    @Override
    public boolean isRevoked(String tokenId) {
        return revoked.containsKey(tokenId);
    }

    @Override
    public void revokeUser(String login, Instant before, Instant expiresAt) {
        Duration remaining = Duration.between(clock.instant(), expiresAt);
        if (remaining.isNegative() || remaining.isZero()) {
            return;
        }
        // The later time wins, whichever of two revocations reaches the map last.
        revokedUsers.merge(login, before.toEpochMilli(), Math::max);
        revokedUsers.setTtl(login, remaining.toMillis() + 1, TimeUnit.MILLISECONDS);
    }

    @Override
    public Optional<Instant> userRevokedBefore(String login) {
        return Optional.ofNullable(revokedUsers.get(login)).map(Instant::ofEpochMilli);
    }
}
