package org.lectern.node.messaging;

/**
 * Login sessions ended before their time: one token's ({@code tokenId}, a logout) or every one of the user's
 * ({@code tokenId} null, "log out everywhere"). Once published (after the commit, if in a transaction), the live
 * sessions opened with them end on every node.
 */
public record SessionsRevoked(String login, String tokenId, String reason) {

    public static SessionsRevoked token(String login, String tokenId, String reason) {
        return new SessionsRevoked(login, tokenId, reason);
    }

    public static SessionsRevoked allOf(String login, String reason) {
        return new SessionsRevoked(login, null, reason);
    }
}
