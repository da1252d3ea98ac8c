package org.lectern.node.cluster;

import java.io.Serial;
import java.io.Serializable;
import java.util.Set;

/**
 * What every node does with its own live sessions of these users: end them (those opened with one token, or all of
 * them), or check their subscriptions again.
 *
 * @param logins      the users concerned
 * @param tokenId     the one token whose sessions end; null for all of the users' sessions
 * @param endSessions end the sessions (true) or check their subscriptions again (false)
 * @param reason      what the user is told
 */
public record SessionOrder(Set<String> logins, String tokenId, boolean endSessions, String reason)
        implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;
}
