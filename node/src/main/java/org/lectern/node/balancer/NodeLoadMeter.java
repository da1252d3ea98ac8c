package org.lectern.node.balancer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import org.lectern.node.cluster.StatusSources;
import org.lectern.node.messaging.LocalSessionCounts;
import org.lectern.shared.cluster.NodeLoad;
import org.springframework.stereotype.Component;

/**
 * What this node carries, for its status record: sessions and users, saves per second and the save latency's
 * 95th and 99th percentiles over the last minute, messages delivered to browsers per second (the fan-out), heap,
 * CPU and refused subscriptions. Saves are read from the timer
 * {@value #SAVE_TIMER} whoever records it; a node that has saved nothing yet reports zero.
 */
@Component
class NodeLoadMeter implements StatusSources.Load {

    static final String SAVE_TIMER = "lectern.submission.save";
    /** Counted by the STOMP authorisation, tagged {@code command}. */
    static final String REFUSED_METER = "lectern.stomp.refused";
    /** Published by the node's relay. */
    static final String BROKER_CONNECTIONS_GAUGE = "lectern.relay.broker.connections";
    static final String BROKER_SUBSCRIPTIONS_GAUGE = "lectern.relay.broker.subscriptions";
    /** Counted by the node's STOMP fan-out, one per message handed to a browser session. */
    static final String DELIVERED_COUNTER = "lectern.relay.delivered";
    static final Duration WINDOW = Duration.ofMinutes(1);
    private static final double P95 = 0.95;
    private static final double P99 = 0.99;

    private final LocalSessionCounts sessions;
    private final MeterRegistry meters;
    private final Clock clock;
    /** (time, save count) samples of the last minute, oldest first: saves/s is the slope across them. */
    private final Deque<long[]> saveCounts = new ArrayDeque<>();
    /** The same for messages delivered to browser sessions. */
    private final Deque<long[]> deliveredCounts = new ArrayDeque<>();

    NodeLoadMeter(LocalSessionCounts sessions, MeterRegistry meters, Clock clock) {
        this.sessions = sessions;
        this.meters = meters;
        this.clock = clock;
    }

    @Override
    public NodeLoad current() {
        Timer saves = meters.find(SAVE_TIMER).timer();
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        Counter delivered = meters.find(DELIVERED_COUNTER).counter();
        return new NodeLoad(sessions.sessionCount(), sessions.userCount(), savesPerSecond(saves),
                percentileMillis(saves, P95), heap.getUsed(), Math.max(0, heap.getMax()), processCpuLoad(),
                (long) deniedSubscriptions(), (int) gauge(BROKER_CONNECTIONS_GAUGE),
                (int) gauge(BROKER_SUBSCRIPTIONS_GAUGE), percentileMillis(saves, P99),
                perSecond(deliveredCounts, delivered == null ? 0 : (long) delivered.count()));
    }

    double savesPerSecond(Timer saves) {
        return perSecond(saveCounts, saves == null ? 0 : saves.count());
    }

    private synchronized double perSecond(Deque<long[]> samples, long count) {
        long now = clock.millis();
        samples.addLast(new long[] {now, count});
        while (samples.size() > 1 && samples.peekFirst()[0] < now - WINDOW.toMillis()) {
            samples.removeFirst();
        }
        long[] oldest = samples.peekFirst();
        long elapsed = now - oldest[0];
        return elapsed <= 0 ? 0 : (count - oldest[1]) * 1000.0 / elapsed;
    }

    /** From the timer's own percentiles (95th, 99th), which the configuration keeps over a one-minute window. */
    private static double percentileMillis(Timer saves, double wanted) {
        if (saves == null) {
            return 0;
        }
        for (ValueAtPercentile percentile : saves.takeSnapshot().percentileValues()) {
            if (percentile.percentile() == wanted) {
                return percentile.value(TimeUnit.MILLISECONDS);
            }
        }
        return 0;
    }

    private double gauge(String name) {
        Gauge gauge = meters.find(name).gauge();
        return gauge == null ? 0 : gauge.value();
    }

    private double deniedSubscriptions() {
        return meters.find(REFUSED_METER).tag("command", "SUBSCRIBE").counters().stream()
                .mapToDouble(Counter::count).sum();
    }

    private static double processCpuLoad() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuLoad();
        }
        return -1;
    }
}
