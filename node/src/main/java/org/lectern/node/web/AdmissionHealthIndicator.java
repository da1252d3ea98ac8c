package org.lectern.node.web;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Readiness says "overloaded" only when it is so ({@link AdmissionLimiter#overloaded()}: every request slot taken
 * and requests refused for a while), never because requests are slow. Part of the readiness group; HAProxy does
 * not act on it (its health check is liveness), orchestrators that route by readiness may.
 */
class AdmissionHealthIndicator implements HealthIndicator {

    static final String BEAN_NAME = "admission";

    private final AdmissionLimiter limiter;

    AdmissionHealthIndicator(AdmissionLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    public Health health() {
        return limiter.overloaded() ? Health.outOfService().build() : Health.up().build();
    }
}
