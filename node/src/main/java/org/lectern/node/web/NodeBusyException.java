package org.lectern.node.web;

import java.time.Duration;

/**
 * The node refuses the request for now to keep a backlog bounded (live saves not yet in the database, say):
 * answered 503 with {@code Retry-After}, as the admission filter answers a request beyond the node's slots. The
 * caller draws {@code retryAfter} from {@link AdmissionProperties#retryAfter()}, so both refusals look alike.
 */
public class NodeBusyException extends ServiceUnavailableException {

    public NodeBusyException(String message, Duration retryAfter) {
        super(message, retryAfter, null);
    }
}
