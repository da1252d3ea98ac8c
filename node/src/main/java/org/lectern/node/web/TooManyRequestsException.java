package org.lectern.node.web;

import java.time.Duration;

/** The caller spent a budget (login attempts, say) and may try again after {@code retryAfter}: answered with 429. */
public class TooManyRequestsException extends RuntimeException {

    private final Duration retryAfter;

    public TooManyRequestsException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
