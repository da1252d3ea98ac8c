package org.lectern.node.security;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface UserRevocationRepository extends JpaRepository<UserRevocation, String> {

    @Query("select r from UserRevocation r where r.expiresAt > :now")
    List<UserRevocation> findUnexpired(Instant now);

    @Modifying
    @Query("delete from UserRevocation r where r.expiresAt <= :now")
    int deleteExpired(Instant now);
}
