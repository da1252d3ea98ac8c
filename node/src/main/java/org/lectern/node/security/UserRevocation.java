package org.lectern.node.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** "Log out everywhere": every token of the login issued before {@code revokedBefore} is refused. */
@Entity
@Table(name = "user_revocations")
class UserRevocation {

    @Id
    @Column(name = "login", length = 50)
    private String login;

    @Column(name = "revoked_before", nullable = false)
    private Instant revokedBefore;

    /** When the last token issued before {@code revokedBefore} expires: the row is useless after. */
    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected UserRevocation() {
    }

    UserRevocation(String login, Instant revokedBefore, Instant expiresAt) {
        this.login = login;
        this.revokedBefore = revokedBefore;
        this.expiresAt = expiresAt;
    }

    String login() {
        return login;
    }

    Instant revokedBefore() {
        return revokedBefore;
    }

    Instant expiresAt() {
        return expiresAt;
    }
}
