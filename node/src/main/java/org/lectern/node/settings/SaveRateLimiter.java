package org.lectern.node.settings;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lectern.node.web.TooManyRequestsException;
import org.lectern.shared.settings.ClusterSetting;
import org.springframework.stereotype.Component;

/**
 * Limits one user's saves per minute on this node to the cluster setting {@code rate-limit.saves-per-minute}, with
 * token buckets that refill gradually. A changed limit starts everyone with a fresh allowance of the new size.
 * Per node, as the login limits are: the balancer keeps a user on one node, so a user gets N allowances only
 * across N nodes, and a cluster-wide count would put a Hazelcast round trip on every save.
 */
@Component
class SaveRateLimiter {

    private static final Duration PERIOD = Duration.ofMinutes(1);
    private static final int MAX_TRACKED_USERS = 100_000;

    private final ClusterSettings settings;
    private final TimeMeter time;
    private final Map<String, Bucket> buckets = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > MAX_TRACKED_USERS;
        }
    };

    SaveRateLimiter(ClusterSettings settings, Clock clock) {
        this.settings = settings;
        this.time = new ClockTimeMeter(clock);
        settings.onChange(setting -> {
            if (setting == ClusterSetting.SAVES_PER_MINUTE) {
                forgetAll();
            }
        });
    }

    /**
     * Takes one save from {@code login}'s allowance.
     *
     * @throws TooManyRequestsException when it is spent, with the time until the next save is allowed
     */
    void take(String login) {
        ConsumptionProbe probe = bucketOf(login).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw new TooManyRequestsException("More than " + settings.savesPerMinute()
                    + " saves a minute; nothing was saved, send it again after the time in Retry-After.",
                    Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }

    private synchronized Bucket bucketOf(String login) {
        return buckets.computeIfAbsent(login, ignored -> {
            int perMinute = settings.savesPerMinute();
            return Bucket.builder()
                    .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, PERIOD))
                    .withCustomTimePrecision(time)
                    .build();
        });
    }

    private synchronized void forgetAll() {
        buckets.clear();
    }

    /** Bucket4j reads the injected clock. */
    private record ClockTimeMeter(Clock clock) implements TimeMeter {

        @Override
        public long currentTimeNanos() {
            return clock.millis() * 1_000_000L;
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }
}
