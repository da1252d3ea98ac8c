package org.lectern.bench;

import java.time.Duration;
import java.util.OptionalLong;

/**
 * How the generator obeys a 503, as the browser client does (node/src/main/resources/static/js/api.js): wait at
 * least what {@code Retry-After} says and at least a back-off doubling from {@code first} up to {@code cap}, then add
 * up to half of that again at random, so that a hall of refused students does not come back in step. After
 * {@code maxRetries} waits the 503 is the answer; a login ({@link #patient()}) waits as long as it takes.
 *
 * @param maxRetries how many times one request is sent again after a 503
 * @param first      the back-off before the first retry
 * @param cap        the longest back-off (a longer Retry-After is still obeyed)
 */
public record RetryPolicy(int maxRetries, Duration first, Duration cap) {

    /** About two minutes of waiting at most: longer than HAProxy's queue time-out, shorter than an exam's patience. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(6, Duration.ofSeconds(1), Duration.ofSeconds(30));

    public RetryPolicy {
        if (maxRetries < 0 || first.isNegative() || cap.compareTo(first) < 0) {
            throw new IllegalArgumentException("a retry policy needs maxRetries >= 0 and 0 <= first <= cap");
        }
    }

    /** The same waits, without a limit on their number: for a login, which the login page never gives up. */
    public RetryPolicy patient() {
        return new RetryPolicy(Integer.MAX_VALUE, first, cap);
    }

    /**
     * The wait before retry number {@code retry} (0 for the first).
     *
     * @param retryAfterSeconds what the server's {@code Retry-After} said, if anything usable
     * @param random            a number in [0, 1): the jitter
     */
    public Duration delay(int retry, OptionalLong retryAfterSeconds, double random) {
        long backoff = Math.min(cap.toMillis(), first.toMillis() << Math.min(retry, 30));
        long told = retryAfterSeconds.orElse(0) * 1000;
        long wait = Math.max(told, backoff);
        return Duration.ofMillis(wait + (long) (wait * 0.5 * random));
    }

    /** {@code Retry-After} in delta-seconds; an HTTP date or nonsense counts as not said. */
    static OptionalLong parseRetryAfter(String header) {
        if (header == null) {
            return OptionalLong.empty();
        }
        try {
            long seconds = Long.parseLong(header.strip());
            return seconds >= 0 ? OptionalLong.of(seconds) : OptionalLong.empty();
        } catch (NumberFormatException notSeconds) {
            return OptionalLong.empty();
        }
    }
}
