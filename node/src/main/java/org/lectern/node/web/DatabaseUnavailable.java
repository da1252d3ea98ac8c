package org.lectern.node.web;

import java.time.Duration;

/**
 * How a request that needed an unreachable database is answered, by the API's error handler and by the security
 * filters alike: 503, with a retry after {@link #RETRY_AFTER}, and a detail saying whether work was lost.
 */
public final class DatabaseUnavailable {

    /** A restarting PostgreSQL takes tens of seconds; every client retrying each second would only add load. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    /** For a request that would have changed something, a save above all: the page retries it by itself. */
    public static final String NOT_SAVED = "The database is unavailable; your work was not saved, the page retries.";

    static final String NOT_READ = "The database is unavailable; try again in a few seconds.";

    private DatabaseUnavailable() {
    }

    /** The detail for a request with this HTTP method: reads lose nothing, everything else was not done. */
    public static String detailFor(String method) {
        return switch (method) {
            case "GET", "HEAD", "OPTIONS" -> NOT_READ;
            default -> NOT_SAVED;
        };
    }

    /** The refusal of a save the node cannot accept without the database (first save, a caller it never saw). */
    public static ServiceUnavailableException saveRefused(Throwable cause) {
        return new ServiceUnavailableException(NOT_SAVED, RETRY_AFTER, cause);
    }
}
