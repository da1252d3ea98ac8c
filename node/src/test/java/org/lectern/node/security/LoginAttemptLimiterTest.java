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
            IntStream.range(0, 50).forEach(i -> limiter.begin("alice", ADDRESS).succeeded());

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
            IntStream.range(0, 20).forEach(i -> limiter.begin("user" + i, ADDRESS).failed());

            assertThatThrownBy(() -> limiter.begin("someone-else", ADDRESS))
                    .isInstanceOf(TooManyRequestsException.class);
        }

        @Test
        void shouldKeepTheAddressRefusedLongerWhenConcurrentGuessesOverdrawIt() {
            List<LoginAttemptLimiter.Attempt> inFlight = IntStream.range(0, 30)
                    .mapToObj(i -> limiter.begin("user" + i, ADDRESS)).toList();

            inFlight.forEach(LoginAttemptLimiter.Attempt::failed);

            // 10 in debt: 11 attempts to refill at 20 a minute, not the 3 s one attempt takes.
            assertThatThrownBy(() -> limiter.begin("someone-else", ADDRESS))
                    .isInstanceOfSatisfying(TooManyRequestsException.class, e -> assertThat(e.retryAfter())
                            .isGreaterThan(Duration.ofSeconds(30)));
        }

        @Test
        void shouldNotChargeTheUsernameWhenTheAddressIsRefused() {
            IntStream.range(0, 20).forEach(i -> limiter.begin("user" + i, ADDRESS).failed());
            IntStream.range(0, 10).forEach(i -> assertThatThrownBy(() -> limiter.begin("victim", ADDRESS))
                    .isInstanceOf(TooManyRequestsException.class));

            assertThatNoException().isThrownBy(() -> failTimes(5, "victim", "203.0.113.5"));
        }
    }

    /** A lecture hall behind one campus NAT address logs in at the exam start. */
    @Nested
    class OneAddressForAHall {

        @Test
        void shouldLetFiveHundredStudentsInWhenTheyAllLogInAtOnce() {
            List<LoginAttemptLimiter.Attempt> inFlight = IntStream.range(0, 500)
                    .mapToObj(i -> limiter.begin("student" + i, ADDRESS)).toList();

            inFlight.forEach(LoginAttemptLimiter.Attempt::succeeded);

            assertThatNoException().isThrownBy(() -> limiter.begin("student500", ADDRESS).succeeded());
        }

        @Test
        void shouldLetEveryoneInWhenOneInTenMistypesTheirPasswordFirst() {
            for (int i = 0; i < 500; i++) {
                if (i % 10 == 0) {
                    limiter.begin("student" + i, ADDRESS).failed();
                }
                limiter.begin("student" + i, ADDRESS).succeeded();
            }

            assertThatNoException().isThrownBy(() -> limiter.begin("late-student", ADDRESS));
        }

        @Test
        void shouldStillStopAGuesserAtTheSameAddressWhenTheHallHasLoggedIn() {
            IntStream.range(0, 500).forEach(i -> limiter.begin("student" + i, ADDRESS).succeeded());

            IntStream.range(0, 20).forEach(i -> limiter.begin("guessed" + i, ADDRESS).failed());

            assertThatThrownBy(() -> limiter.begin("one-more-guess", ADDRESS))
                    .isInstanceOf(TooManyRequestsException.class);
        }

        @Test
        void shouldCreditAGuesserOncePerPeriodWhenTheyLogInToTheirOwnAccountAgainAndAgain() {
            int guesses = 0;
            for (int round = 0; round < 100; round++) {
                try {
                    limiter.begin("mallory", ADDRESS).succeeded();
                } catch (TooManyRequestsException refused) {
                    // the address is spent: even the right password is not checked
                }
                try {
                    limiter.begin("victim" + round, ADDRESS).failed();
                    guesses++;
                } catch (TooManyRequestsException refused) {
                    // stopped
                }
            }

            assertThat(guesses).isBetween(20, 21);
        }
    }

    @Nested
    class Memory {

        @Test
        void shouldTrackAtMostTheConfiguredNumberOfUsernamesWhenUsernamesAreSprayed() {
            for (int i = 0; i < 1000; i++) {
                limiter.begin("sprayed-" + i, "203.0.113." + (i % 250)).succeeded();
            }

            assertThat(limiter.trackedUsernames()).isEqualTo(100);
        }
    }

    private void failTimes(int times, String username, String address) {
        for (int i = 0; i < times; i++) {
            limiter.begin(username, address).failed();
        }
    }

    private static SecurityProperties properties(int maxTracked) {
        return new SecurityProperties("", Path.of("unused"), Duration.ofHours(8), List.of("127.0.0.1"),
                new SecurityProperties.LoginAttempts(5, 20, Duration.ofMinutes(1), maxTracked));
    }
}
