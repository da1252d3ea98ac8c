package org.lectern.node.cluster;

import java.time.Instant;

/** The cluster-wide list of login tokens revoked before they expire (by logging out), shared by every node. */
public interface TokenRevocations {

    /** Revokes a token everywhere until {@code expiresAt}; after that it is refused for being expired anyway. */
    void revoke(String tokenId, Instant expiresAt);

    boolean isRevoked(String tokenId);
}
