package org.lectern.node.web;

import java.time.Duration;

/**
 * Nothing was done and the same request may succeed after {@code retryAfter} (on this node or another): answered
 * with 503 and {@code Retry-After}. The message tells the client why.
 */
public class ServiceUnavailableException extends RuntimeException {

    private final Duration retryAfter;

    public ServiceUnavailableException(String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
