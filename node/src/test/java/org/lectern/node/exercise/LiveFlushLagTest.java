package org.lectern.node.exercise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.lectern.node.cluster.LiveSubmissions;
import org.lectern.node.support.MutableClock;
import org.lectern.node.web.AdmissionProperties;
import org.lectern.node.web.NodeBusyException;

class LiveFlushLagTest {

    private static final Instant START = Instant.parse("2026-12-05T09:00:00Z");

    private final MutableClock clock = new MutableClock(START);
    private final LiveSubmissions live = mock(LiveSubmissions.class);
    private final MeterRegistry meters = new SimpleMeterRegistry();
    private final LiveFlushLag lag = new LiveFlushLag(live,
            new LiveSubmissionProperties(Duration.ofMillis(500), Duration.ofMinutes(30), Duration.ofSeconds(15),
                    Duration.ofSeconds(30)),
            new AdmissionProperties(32, Duration.ofSeconds(1), Duration.ofSeconds(4), Duration.ofSeconds(10), 2),
            clock, meters);

    @Nested
    class Measuring {

        @Test
        void shouldBeZeroWhenNothingWaitsForTheDatabase() {
            when(live.oldestLocalPending()).thenReturn(Optional.empty());

            assertThat(lag.current()).isZero();
        }

        @Test
        void shouldBeTheAgeOfTheOldestSaveNotYetInTheDatabase() {
            when(live.oldestLocalPending()).thenReturn(Optional.of(START.minusSeconds(12)));

            assertThat(lag.current()).isEqualTo(Duration.ofSeconds(12));
            assertThat(meters.get(LiveFlushLag.METER).timeGauge().value(TimeUnit.SECONDS)).isEqualTo(12.0);
        }

        @Test
        void shouldAskTheMapAtMostOncePerRefreshAndGrowInBetween() {
            when(live.oldestLocalPending()).thenReturn(Optional.of(START));

            lag.current();
            clock.advance(Duration.ofMillis(600));
            assertThat(lag.current()).isEqualTo(Duration.ofMillis(600));
            verify(live, times(1)).oldestLocalPending();

            clock.advance(LiveFlushLag.REFRESH);
            lag.current();
            verify(live, times(2)).oldestLocalPending();
        }

        @Test
        void shouldKeepTheLastMeasurementWhenTheMapCannotBeAsked() {
            when(live.oldestLocalPending()).thenReturn(Optional.of(START.minusSeconds(5)))
                    .thenThrow(new IllegalStateException("member stopping"));

            lag.current();
            clock.advance(Duration.ofSeconds(2));

            assertThat(lag.current()).isEqualTo(Duration.ofSeconds(7));
        }
    }

    @Nested
    class AdmittingSaves {

        @Test
        void shouldAdmitWhileTheLagIsWithinTheBound() {
            when(live.oldestLocalPending()).thenReturn(Optional.of(START.minusSeconds(30)));

            assertThatNoException().isThrownBy(lag::admitSave);
        }

        @Test
        void shouldRefuseWithARetryAfterFromTheAdmissionRangeWhenPastTheBound() {
            when(live.oldestLocalPending()).thenReturn(Optional.of(START.minusSeconds(31)));

            assertThatThrownBy(lag::admitSave)
                    .isInstanceOfSatisfying(NodeBusyException.class, busy -> assertThat(busy.retryAfter())
                            .isBetween(Duration.ofSeconds(1), Duration.ofSeconds(4)))
                    .hasMessageContaining("31 s late")
                    .hasMessageContaining("nothing was saved");
            assertThat(meters.get("lectern.admission.refused").tag("slots", "flush-lag").counter().count())
                    .isEqualTo(1.0);
        }
    }

    @Test
    void shouldRefuseANonPositiveBound() {
        assertThatThrownBy(() -> new LiveSubmissionProperties(Duration.ofMillis(500), Duration.ofMinutes(30),
                Duration.ofSeconds(15), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("max-flush-lag");
    }
}
