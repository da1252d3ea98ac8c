package org.lectern.node.security;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface RevokedTokenRepository extends JpaRepository<RevokedToken, String> {

    @Query("select r from RevokedToken r where r.expiresAt > :now")
    List<RevokedToken> findUnexpired(Instant now);

    @Modifying
    @Query("delete from RevokedToken r where r.expiresAt <= :now")
    int deleteExpired(Instant now);
}
