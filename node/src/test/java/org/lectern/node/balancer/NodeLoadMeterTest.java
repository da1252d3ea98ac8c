package org.lectern.node.balancer;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.lectern.node.messaging.LocalSessionCounts;
import org.lectern.shared.cluster.NodeLoad;

class NodeLoadMeterTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private Instant now = Instant.parse("2026-11-21T10:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final NodeLoadMeter meter = new NodeLoadMeter(new FixedSessions(5, 3), meters, clock);

    @Test
    void shouldReportNoSavesWhenNothingRecordsTheTimer() {
        NodeLoad load = meter.current();

        assertThat(load.savesPerSecond()).isZero();
        assertThat(load.saveP95Millis()).isZero();
        assertThat(load.webSocketSessions()).isEqualTo(5);
        assertThat(load.users()).isEqualTo(3);
        assertThat(load.heapUsedBytes()).isPositive();
    }

    @Test
    void shouldReportSavesPerSecondOverTheLastMinuteAndTheirP95WhenSaving() {
        Timer saves = Timer.builder(NodeLoadMeter.SAVE_TIMER).publishPercentiles(0.95).register(meters);
        meter.current();

        for (int i = 0; i < 100; i++) {
            saves.record(Duration.ofMillis(i < 90 ? 10 : 200));
        }
        now = now.plusSeconds(10);
        NodeLoad load = meter.current();

        assertThat(load.savesPerSecond()).isEqualTo(10.0);
        assertThat(load.saveP95Millis()).isGreaterThan(100);

        // A minute later without saves, the rate is measured over that quiet minute only.
        now = now.plusSeconds(70);
        meter.current();
        now = now.plusSeconds(2);
        assertThat(meter.current().savesPerSecond()).isZero();
    }

    @Test
    void shouldReportSaveP99AndDeliveriesPerSecondWhenSavingAndFanningOut() {
        Timer saves = Timer.builder(NodeLoadMeter.SAVE_TIMER).publishPercentiles(0.95, 0.99).register(meters);
        var delivered = meters.counter(NodeLoadMeter.DELIVERED_COUNTER);
        meter.current();

        for (int i = 0; i < 1000; i++) {
            saves.record(Duration.ofMillis(i < 980 ? 10 : 900));
        }
        delivered.increment(3000);
        now = now.plusSeconds(10);
        NodeLoad load = meter.current();

        assertThat(load.saveP99Millis()).isGreaterThan(500).isGreaterThan(load.saveP95Millis());
        assertThat(load.deliveredPerSecond()).isEqualTo(300.0);
    }

    @Test
    void shouldCountOnlyDeniedSubscriptionsWhenStompRefusesThings() {
        meters.counter(NodeLoadMeter.REFUSED_METER, "command", "SUBSCRIBE", "reason", "forbidden").increment(2);
        meters.counter(NodeLoadMeter.REFUSED_METER, "command", "SUBSCRIBE", "reason", "undeclared").increment();
        meters.counter(NodeLoadMeter.REFUSED_METER, "command", "SEND", "reason", "forbidden").increment(5);

        assertThat(meter.current().deniedSubscriptions()).isEqualTo(3);
    }

    private record FixedSessions(int sessionCount, int userCount) implements LocalSessionCounts {
    }
}
