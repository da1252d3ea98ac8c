package org.lectern.node.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A token revoked by logging out, kept until it expires, so that it stays refused after a full restart. */
@Entity
@Table(name = "revoked_tokens")
class RevokedToken {

    @Id
    @Column(name = "token_id", length = 100)
    private String tokenId;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected RevokedToken() {
    }

    RevokedToken(String tokenId, Instant expiresAt) {
        this.tokenId = tokenId;
        this.expiresAt = expiresAt;
    }

    String tokenId() {
        return tokenId;
    }

    Instant expiresAt() {
        return expiresAt;
    }
}
