package org.lectern.node.web;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The node's request slots ({@code lectern.web.admission.max-concurrent-requests}) and whether they have been
 * all taken, with requests refused, for long enough to call the node overloaded rather than busy.
 */
class AdmissionLimiter {

    private static final long NOT_SATURATED = Long.MIN_VALUE;

    private final Semaphore slots;
    private final Semaphore logins;
    private final Clock clock;
    private final Duration overloadedAfter;
    /** When requests began to be refused with no admission since, in clock millis; NOT_SATURATED otherwise. */
    private final AtomicLong refusingSince = new AtomicLong(NOT_SATURATED);

    AdmissionLimiter(AdmissionProperties properties, Clock clock) {
        this.slots = new Semaphore(properties.maxConcurrentRequests());
        this.logins = new Semaphore(properties.maxConcurrentLogins());
        this.clock = clock;
        this.overloadedAfter = properties.overloadedAfter();
    }

    /** Takes a slot if one is free now; never waits (waiting is HAProxy's queue's job). */
    boolean tryAdmit() {
        if (slots.tryAcquire()) {
            refusingSince.set(NOT_SATURATED);
            return true;
        }
        refusingSince.compareAndSet(NOT_SATURATED, clock.millis());
        return false;
    }

    void release() {
        slots.release();
    }

    /** Takes a password-check slot, besides the request's own, if one is free now; never waits. */
    boolean tryAdmitLogin() {
        return logins.tryAcquire();
    }

    void releaseLogin() {
        logins.release();
    }

    int freeSlots() {
        return slots.availablePermits();
    }

    /**
     * Every slot taken and requests refused, without one admitted, for at least {@code overloaded-after}. A node
     * whose clients stopped asking is not overloaded once a slot is free again.
     */
    boolean overloaded() {
        long since = refusingSince.get();
        return since != NOT_SATURATED && slots.availablePermits() == 0
                && clock.millis() - since >= overloadedAfter.toMillis();
    }
}
