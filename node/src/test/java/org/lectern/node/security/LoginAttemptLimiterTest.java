package org.lectern.node.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.lectern.node.support.MutableClock;
import org.lectern.node.web.TooManyRequestsException;

class LoginAttemptLimiterTest {

    private static final String ADDRESS = "198.51.100.1";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-20T10:00:00Z"));
    private final LoginAttemptLimiter limiter = new LoginAttemptLimiter(properties(100), clock);

    @Nested
    class PerUsername {

        @Test
        void shouldRefuseTheSixthAttemptWhenFiveFailedWithinAMinute() {
            failTimes(5, "alice", ADDRESS);

            assertThatThrownBy(() -> limiter.begin("alice", ADDRESS))
                    .isInstanceOf(TooManyRequestsException.class)
                    .hasMessageContaining("Too many failed logins");
        }

        @Test
        void shouldRefuseTheUsernameFromAnyAddressWhenItsAllowanceIsSpent() {
            for (int i = 0; i < 5; i++) {
                limiter.begin("alice", "198.51.100." + (10 + i));
            }

            assertThatThrownBy(() -> limiter.begin("alice", "198.51.100.99")).isInstanceOf(TooManyRequestsException.class);
        }

        @Test
        void shouldIgnoreTheCaseOfTheUsernameWhenCounting() {
            failTimes(5, "Alice", ADDRESS);

            assertThatThrownBy(() -> limiter.begin("ALICE", ADDRESS)).isInstanceOf(TooManyRequestsException.class);
        }

        @Test
        void shouldNotCountAttemptsWhenTheyAreRefunded() {
            IntStream.range(0, 50).forEach(i -> limiter.begin("alice", ADDRESS).refund());

            assertThatNoException().isThrownBy(() -> failTimes(5, "alice", ADDRESS));
        }

        @Test
        void shouldSayToWaitForTheNextRefillWhenRefusing() {
            failTimes(5, "alice", ADDRESS);

            assertThatThrownBy(() -> limiter.begin("alice", ADDRESS))
                    .isInstanceOfSatisfying(TooManyRequestsException.class, e -> assertThat(e.retryAfter())
                            .isPositive().isLessThanOrEqualTo(Duration.ofSeconds(12)));
        }

        @Test
        void shouldAllowAttemptsAgainWhenThePeriodHasPassed() {
            failTimes(5, "alice", ADDRESS);

            clock.advance(Duration.ofMinutes(1));

            assertThatNoException().isThrownBy(() -> failTimes(5, "alice", ADDRESS));
        }

        @Test
        void shouldLeaveOtherUsernamesAloneWhenOneIsLimited() {
            failTimes(5, "alice", ADDRESS);

            assertThatNoException().isThrownBy(() -> limiter.begin("bob", ADDRESS));
        }
    }

    @Nested
    class PerAddress {

        @Test
        void shouldRefuseTheAddressWhenTwentyAttemptsAtDifferentUsernamesFailed() {
            IntStream.range(0, 20).forEach(i -> limiter.begin("user" + i, ADDRESS));

            assertThatThrownBy(() -> limiter.begin("someone-else", ADDRESS))
                    .isInstanceOf(TooManyRequestsException.class);
        }

        @Test
        void shouldNotChargeTheUsernameWhenTheAddressIsRefused() {
            IntStream.range(0, 20).forEach(i -> limiter.begin("user" + i, ADDRESS));
            IntStream.range(0, 10).forEach(i -> assertThatThrownBy(() -> limiter.begin("victim", ADDRESS))
                    .isInstanceOf(TooManyRequestsException.class));

            assertThatNoException().isThrownBy(() -> failTimes(5, "victim", "203.0.113.5"));
        }
    }

    @Nested
    class Memory {

        @Test
        void shouldTrackAtMostTheConfiguredNumberOfUsernamesWhenUsernamesAreSprayed() {
            for (int i = 0; i < 1000; i++) {
                limiter.begin("sprayed-" + i, "203.0.113." + (i % 250)).refund();
            }

            assertThat(limiter.trackedUsernames()).isEqualTo(100);
        }
    }

    private void failTimes(int times, String username, String address) {
        for (int i = 0; i < times; i++) {
            limiter.begin(username, address);
        }
    }

    private static SecurityProperties properties(int maxTracked) {
        return new SecurityProperties("", Path.of("unused"), Duration.ofHours(8), List.of("127.0.0.1"),
                new SecurityProperties.LoginAttempts(5, 20, Duration.ofMinutes(1), maxTracked));
    }
}
