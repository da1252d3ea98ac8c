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
 * 95th percentile over the last minute, heap, CPU and refused subscriptions. Saves are read from the timer
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
    static final Duration WINDOW = Duration.ofMinutes(1);
    private static final double P95 = 0.95;

    private final LocalSessionCounts sessions;
    private final MeterRegistry meters;
    private final Clock clock;
    /** (time, save count) samples of the last minute, oldest first: saves/s is the slope across them. */
    private final Deque<long[]> saveCounts = new ArrayDeque<>();

    NodeLoadMeter(LocalSessionCounts sessions, MeterRegistry meters, Clock clock) {
        this.sessions = sessions;
        this.meters = meters;
        this.clock = clock;
    }

    @Override
    public NodeLoad current() {
        Timer saves = meters.find(SAVE_TIMER).timer();
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return new NodeLoad(sessions.sessionCount(), sessions.userCount(), savesPerSecond(saves), saveP95Millis(saves),
                heap.getUsed(), Math.max(0, heap.getMax()), processCpuLoad(), (long) deniedSubscriptions(),
                (int) gauge(BROKER_CONNECTIONS_GAUGE), (int) gauge(BROKER_SUBSCRIPTIONS_GAUGE));
    }

    synchronized double savesPerSecond(Timer saves) {
        long now = clock.millis();
        long count = saves == null ? 0 : saves.count();
        saveCounts.addLast(new long[] {now, count});
        while (saveCounts.size() > 1 && saveCounts.peekFirst()[0] < now - WINDOW.toMillis()) {
            saveCounts.removeFirst();
        }
        long[] oldest = saveCounts.peekFirst();
        long elapsed = now - oldest[0];
        return elapsed <= 0 ? 0 : (count - oldest[1]) * 1000.0 / elapsed;
    }

    /** From the timer's own 95th percentile, which the configuration keeps over a one-minute window. */
    private static double saveP95Millis(Timer saves) {
        if (saves == null) {
            return 0;
        }
        for (ValueAtPercentile percentile : saves.takeSnapshot().percentileValues()) {
            if (percentile.percentile() == P95) {
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
