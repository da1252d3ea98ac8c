package org.lectern.node.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.hibernate.TransactionException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.lectern.node.support.MutableClock;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.transaction.CannotCreateTransactionException;

class DatabaseReachabilityTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-05T10:00:00Z"));
    private final DatabaseReachability database = new DatabaseReachability(clock);
    private final AtomicInteger asked = new AtomicInteger();

    @Nested
    class Classification {

        @Test
        void shouldCountMissingConnectionsAndTransactionsAsUnreachable() {
            assertThat(DatabaseReachability.isUnreachable(new CannotGetJdbcConnectionException("refused"))).isTrue();
            assertThat(DatabaseReachability.isUnreachable(new CannotCreateTransactionException("no connection")))
                    .isTrue();
            assertThat(DatabaseReachability.isUnreachable(new JpaSystemException(
                    new RuntimeException(new SQLTransientConnectionException("pool timed out"))))).isTrue();
        }

        @Test
        void shouldCountARollbackOnABrokenConnectionAsUnreachable() {
            assertThat(DatabaseReachability.isUnreachable(new JpaSystemException(new TransactionException(
                    "Unable to rollback against JDBC Connection", new SQLException("Connection is closed")))))
                    .isTrue();
            assertThat(DatabaseReachability.isUnreachable(new JpaSystemException(new RuntimeException(
                    new SQLException("An I/O error occurred while sending to the backend.", "08006"))))).isTrue();
            assertThat(DatabaseReachability.isUnreachable(new JpaSystemException(new RuntimeException(
                    new SQLException("duplicate key", "23505"))))).isFalse();
        }

        @Test
        void shouldNotCountRefusalsOrConflictsAsUnreachable() {
            assertThat(DatabaseReachability.isUnreachable(new CannotAcquireLockException("lock"))).isFalse();
            assertThat(DatabaseReachability.isUnreachable(new ConflictException("handed in"))).isFalse();
        }
    }

    @Nested
    class Fallback {

        @Test
        void shouldAnswerFromTheDatabaseWhenItAnswers() {
            assertThat(database.fromDatabaseOr(() -> "database", unreachable -> "record")).isEqualTo("database");
        }

        @Test
        void shouldAnswerFromTheRecordWhenTheDatabaseIsUnreachable() {
            assertThat(database.fromDatabaseOr(DatabaseReachabilityTest.this::unreachable, unreachable -> "record")).isEqualTo("record");
        }

        @Test
        void shouldPassOtherFailuresThroughWithoutTheRecord() {
            assertThatThrownBy(() -> database.fromDatabaseOr(() -> {
                throw new ConflictException("Your working time is over.");
            }, unreachable -> "record")).isInstanceOf(ConflictException.class);
        }

        @Test
        void shouldNotAskTheDatabaseAgainForTwoSecondsAfterItWasUnreachable() {
            database.fromDatabaseOr(DatabaseReachabilityTest.this::unreachable, unreachable -> "record");

            clock.advance(Duration.ofMillis(1999));
            assertThat(database.fromDatabaseOr(DatabaseReachabilityTest.this::counted, unreachable -> "record")).isEqualTo("record");
            assertThat(asked).hasValue(1);

            clock.advance(Duration.ofMillis(1));
            assertThat(database.fromDatabaseOr(DatabaseReachabilityTest.this::counted, unreachable -> "record")).isEqualTo("database");
            assertThat(asked).hasValue(2);
        }
    }

    private String unreachable() {
        asked.incrementAndGet();
        throw new DataAccessResourceFailureException("connection refused");
    }

    private String counted() {
        asked.incrementAndGet();
        return "database";
    }
}
