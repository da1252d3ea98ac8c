package org.lectern.node.cluster;

import java.time.Instant;
import java.util.Optional;

/**
 * The cluster-wide cache of login tokens revoked before they expire (by logging out) and of logins whose every
 * earlier token was revoked ("log out everywhere"), shared by every node. The database holds the record; a full
 * restart empties this cache and the nodes fill it again from there.
 */
public interface TokenRevocations {

    /** Revokes a token everywhere until {@code expiresAt}; after that it is refused for being expired anyway. */
    void revoke(String tokenId, Instant expiresAt);

    boolean isRevoked(String tokenId);

    /** Revokes every token of {@code login} issued before {@code before}; remembered until {@code expiresAt}. */
    void revokeUser(String login, Instant before, Instant expiresAt);

    /** The time before which the login's tokens are revoked, if any. */
    Optional<Instant> userRevokedBefore(String login);
}
