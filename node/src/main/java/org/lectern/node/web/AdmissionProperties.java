package org.lectern.node.web;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How many HTTP requests a node works on at once, and what it tells the ones beyond.
 *
 * @param maxConcurrentRequests requests served at once; more are answered 503 at once. Above HAProxy's
 *                              {@code maxconn} per node, so that behind it the node sheds nothing and HAProxy
 *                              queues; the limit holds for whatever bypasses the balancer
 * @param retryAfterMin         the shortest {@code Retry-After} of such a 503
 * @param retryAfterMax         the longest; each answer picks a whole number of seconds in between at random, so
 *                              that refused clients do not come back in step
 * @param overloadedAfter       how long every request slot must stay taken, with requests refused, before readiness
 *                              says the node is overloaded: a burst is not an overload
 * @param maxConcurrentLogins   password checks at once (within the request slots): about the node's cores, since a
 *                              BCrypt check is pure CPU; more at once makes each slower and starves the saves of
 *                              students already in. HAProxy's logins backend lets as many in per node ({@code
 *                              maxconn}) and queues the rest in arrival order; a login beyond them that bypasses it
 *                              gets 503 and comes back later
 */
@Validated
@ConfigurationProperties("lectern.web.admission")
public record AdmissionProperties(@DefaultValue("32") @Min(1) int maxConcurrentRequests,
        @DefaultValue("1s") Duration retryAfterMin, @DefaultValue("4s") Duration retryAfterMax,
        @DefaultValue("10s") Duration overloadedAfter, @DefaultValue("2") @Min(1) int maxConcurrentLogins) {

    public AdmissionProperties {
        if (retryAfterMin.toSeconds() < 1 || retryAfterMax.compareTo(retryAfterMin) < 0) {
            throw new IllegalArgumentException("lectern.web.admission needs 1s <= retry-after-min <= "
                    + "retry-after-max, got " + retryAfterMin + " and " + retryAfterMax);
        }
    }

    /**
     * The {@code Retry-After} of one refusal: a whole number of seconds between the two bounds, at random. Every
     * refusal of a node that is too busy (request slots, flush lag) draws from here.
     */
    public Duration retryAfter() {
        return Duration.ofSeconds(ThreadLocalRandom.current().nextLong(retryAfterMin.toSeconds(),
                retryAfterMax.toSeconds() + 1));
    }
}
