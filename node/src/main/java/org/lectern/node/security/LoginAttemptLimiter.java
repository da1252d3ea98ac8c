package org.lectern.node.security;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
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
 * guessed quickly, whether one account is attacked from many addresses or many accounts from one, while a lecture
 * hall behind one address (a campus NAT) logs in at once.
 *
 * <p>The username's bucket is drawn before the password is checked (so concurrent guesses at one account cannot
 * overdraw it) and given back on success. The address's bucket is only <em>looked at</em> before the check: an
 * honest login costs it nothing, so five hundred students logging in at the same moment do not empty it; a failed
 * check is charged to it afterwards, into debt if concurrent failures overdraw it (they are bounded by the node's
 * request slots, and the debt keeps the address refused for longer). Each successful login credits its address
 * one attempt back, at most once per username and period, so the few typos of a hall are paid for by its many
 * successes, while a guesser cannot buy guesses by logging in to their own account again and again. Buckets live
 * in this node's memory only: see
 * docs/api.md ("Login attempt limits" and the decisions after its access matrix) for why that suffices.
 */
@Component
class LoginAttemptLimiter {

    private final BoundedBuckets byUsername;
    private final BoundedBuckets byAddress;
    /** One credit per username and period: what a successful login may give back to its address. */
    private final BoundedBuckets creditByUsername;

    LoginAttemptLimiter(SecurityProperties properties, Clock clock) {
        SecurityProperties.LoginAttempts limits = properties.loginAttempts();
        TimeMeter time = new ClockTimeMeter(clock);
        byUsername = new BoundedBuckets(limits.maxTracked(), () -> bucket(limits.perUsername(), limits.period(), time));
        byAddress = new BoundedBuckets(limits.maxTracked(), () -> bucket(limits.perAddress(), limits.period(), time));
        creditByUsername = new BoundedBuckets(limits.maxTracked(), () -> bucket(1, limits.period(), time));
    }

    private static Bucket bucket(int attempts, Duration period, TimeMeter time) {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(attempts).refillGreedy(attempts, period))
                .withCustomTimePrecision(time)
                .build();
    }

    /**
     * Takes one attempt from the allowance of {@code username}, after making sure {@code address} has not spent its
     * allowance of failures.
     *
     * @throws TooManyRequestsException when either allowance is spent; nothing is taken then
     */
    Attempt begin(String username, String address) {
        String user = username.toLowerCase(Locale.ROOT);
        Bucket userBucket = byUsername.get(user);
        ConsumptionProbe userProbe = userBucket.tryConsumeAndReturnRemaining(1);
        if (!userProbe.isConsumed()) {
            throw tooMany(userProbe.getNanosToWaitForRefill());
        }
        Bucket client = byAddress.get(address);
        EstimationProbe clientProbe = client.estimateAbilityToConsume(1);
        if (!clientProbe.canBeConsumed()) {
            userBucket.addTokens(1);
            throw tooMany(clientProbe.getNanosToWaitForRefill());
        }
        return new Attempt(user, userBucket, client);
    }

    private static TooManyRequestsException tooMany(long nanosToWait) {
        return new TooManyRequestsException("Too many failed logins; wait before trying again.",
                Duration.ofNanos(nanosToWait));
    }

    /** How many usernames are tracked now: bounded by {@code max-tracked}. */
    int trackedUsernames() {
        return byUsername.size();
    }

    /** One login attempt in progress: it ends {@link #succeeded}, {@link #failed} or {@link #unjudged}. */
    final class Attempt {

        private final String username;
        private final Bucket user;
        private final Bucket client;

        private Attempt(String username, Bucket user, Bucket client) {
            this.username = username;
            this.user = user;
            this.client = client;
        }

        /** The password was right: the username's attempt is given back and the address earns a credit. */
        void succeeded() {
            user.addTokens(1);
            if (creditByUsername.get(username).tryConsume(1)) {
                client.addTokens(1);
            }
        }

        /** The password was wrong: the username keeps its cost and the address is charged, into debt if need be. */
        void failed() {
            client.consumeIgnoringRateLimits(1);
        }

        /** The node could not check the password (its user store failed): the attempt costs nothing. */
        void unjudged() {
            user.addTokens(1);
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
