package org.lectern.node.exercise;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.lectern.node.cluster.LiveSubmissions;
import org.lectern.node.cluster.StatusSources;
import org.lectern.node.web.AdmissionProperties;
import org.lectern.node.web.NodeBusyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * How far the database is behind this node's acknowledged live saves: the age of the oldest save whose primary
 * copy is here and that is not in the database yet (zero when none is). A gauge, a field of the node's status
 * record, and the bound ({@code lectern.live-submissions.max-flush-lag}) past which the node refuses live saves
 * with 503 and {@code Retry-After}, as it refuses requests beyond its slots, instead of letting the backlog grow.
 * Measured in the map itself, not by the flusher, so that a flusher stuck on the database still shows the lag
 * growing; measured at most once per {@link #REFRESH}, since every live save asks.
 */
@Component
class LiveFlushLag implements StatusSources.FlushLag {

    static final String METER = "lectern.live.submissions.flush.lag";
    static final Duration REFRESH = Duration.ofSeconds(1);

    private static final Logger LOG = LoggerFactory.getLogger(LiveFlushLag.class);
    private static final long NONE_PENDING = Long.MIN_VALUE;

    private final LiveSubmissions live;
    private final LiveSubmissionProperties properties;
    private final AdmissionProperties admission;
    private final Clock clock;
    private final Counter refused;
    private boolean measured;
    private long measuredAtMillis;
    private long oldestPendingMillis = NONE_PENDING;

    LiveFlushLag(LiveSubmissions live, LiveSubmissionProperties properties, AdmissionProperties admission,
            Clock clock, MeterRegistry meters) {
        this.live = live;
        this.properties = properties;
        this.admission = admission;
        this.clock = clock;
        TimeGauge.builder(METER, this, TimeUnit.MILLISECONDS, lag -> lag.current().toMillis())
                .description("Age of the oldest live save this node owns that is not yet in the database")
                .register(meters);
        // The admission filter's meter: one place to see every refusal of a busy node.
        this.refused = Counter.builder("lectern.admission.refused").tag("slots", "flush-lag")
                .description("Requests answered 503 because every slot was taken").register(meters);
    }

    @Override
    public Duration current() {
        long oldest = oldestPendingMillis();
        return oldest == NONE_PENDING ? Duration.ZERO : Duration.ofMillis(Math.max(0, clock.millis() - oldest));
    }

    /** Refuses a live save, before anything is done, while the database is further behind than the bound. */
    void admitSave() {
        Duration lag = current();
        if (lag.compareTo(properties.maxFlushLag()) > 0) {
            refused.increment();
            throw new NodeBusyException("Saves reach the database " + lag.toSeconds() + " s late on this node (at "
                    + "most " + properties.maxFlushLag().toSeconds() + " s allowed); nothing was saved, send the "
                    + "save again after Retry-After seconds.", admission.retryAfter());
        }
    }

    private synchronized long oldestPendingMillis() {
        long now = clock.millis();
        if (!measured || now - measuredAtMillis >= REFRESH.toMillis()) {
            try {
                oldestPendingMillis = live.oldestLocalPending().map(Instant::toEpochMilli).orElse(NONE_PENDING);
                measured = true;
                measuredAtMillis = now;
            } catch (RuntimeException memberBusy) {
                // Stopping or migrating partitions: the last measurement stands until the next one succeeds.
                LOG.debug("Could not measure the flush lag: {}", memberBusy.toString());
            }
        }
        return oldestPendingMillis;
    }
}
