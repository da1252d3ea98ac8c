package org.lectern.node.security;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.lectern.node.web.TooManyRequestsException;
import org.springframework.stereotype.Component;

/**
 * Limits failed logins per username and per client address with token buckets, so that passwords cannot be
 * guessed quickly, whether one account is attacked from many addresses or many accounts from one.
 *
 * <p>Every attempt takes a token from both buckets before the password is checked (so concurrent guesses cannot
 * overdraw them); a successful login gives both back. Buckets live in this node's memory only: see
 * docs/api.md ("Login attempt limits" and the decisions after its access matrix) for why that suffices.
 */
@Component
class LoginAttemptLimiter {

    private final BoundedBuckets byUsername;
    private final BoundedBuckets byAddress;

    LoginAttemptLimiter(SecurityProperties properties, Clock clock) {
        SecurityProperties.LoginAttempts limits = properties.loginAttempts();
        TimeMeter time = new ClockTimeMeter(clock);
        byUsername = new BoundedBuckets(limits.maxTracked(), () -> bucket(limits.perUsername(), limits.period(), time));
        byAddress = new BoundedBuckets(limits.maxTracked(), () -> bucket(limits.perAddress(), limits.period(), time));
    }

    private static Bucket bucket(int attempts, Duration period, TimeMeter time) {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(attempts).refillGreedy(attempts, period))
                .withCustomTimePrecision(time)
                .build();
    }

    /**
     * Takes one attempt from the allowances of {@code username} and {@code address}.
     *
     * @throws TooManyRequestsException when either allowance is spent; nothing is taken then
     */
    Attempt begin(String username, String address) {
        Bucket user = byUsername.get(username.toLowerCase(Locale.ROOT));
        Bucket client = byAddress.get(address);
        ConsumptionProbe userProbe = user.tryConsumeAndReturnRemaining(1);
        if (!userProbe.isConsumed()) {
            throw tooMany(userProbe);
        }
        ConsumptionProbe clientProbe = client.tryConsumeAndReturnRemaining(1);
        if (!clientProbe.isConsumed()) {
            user.addTokens(1);
            throw tooMany(clientProbe);
        }
        return new Attempt(user, client);
    }

    private static TooManyRequestsException tooMany(ConsumptionProbe probe) {
        return new TooManyRequestsException("Too many failed logins; wait before trying again.",
                Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /** How many usernames are tracked now: bounded by {@code max-tracked}. */
    int trackedUsernames() {
        return byUsername.size();
    }

    /** One login attempt in progress; it costs an allowance unless it is {@link #refund() refunded}. */
    static final class Attempt {

        private final Bucket user;
        private final Bucket client;

        private Attempt(Bucket user, Bucket client) {
            this.user = user;
            this.client = client;
        }

        /** The attempt did not guess wrong (it succeeded, or the node could not check it): it costs nothing. */
        void refund() {
            user.addTokens(1);
            client.addTokens(1);
        }
    }

    /**
     * At most {@code capacity} buckets, the least recently used forgotten first. Forgetting one only hands its key a
     * fresh allowance, and an attacker who sprays usernames to cause that is still held by the address limit.
     */
    private static final class BoundedBuckets {

        private final Map<String, Bucket> buckets;
        private final Supplier<Bucket> factory;

        BoundedBuckets(int capacity, Supplier<Bucket> factory) {
            this.factory = factory;
            this.buckets = new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                    return size() > capacity;
                }
            };
        }

        synchronized Bucket get(String key) {
            return buckets.computeIfAbsent(key, ignored -> factory.get());
        }

        synchronized int size() {
            return buckets.size();
        }
    }

    /** Bucket4j reads the injected clock, so tests can let time pass without waiting. */
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
