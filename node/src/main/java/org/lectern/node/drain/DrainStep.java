package org.lectern.node.drain;

/**
 * One step of a drain, between the node going DRAINING and it reporting DRAINED. Steps are Spring beans run in the
 * order of their {@link org.springframework.core.annotation.Order @Order}; a new step is a new bean, and the drain
 * itself does not change. The constants leave room between the steps there are.
 */
public interface DrainStep {

    /** Scheduler ownership moves to another node first, before its work could be interrupted. */
    int ORDER_SCHEDULER = 100;
    /** WebSocket clients are told to reconnect elsewhere, and the rest closed after a deadline. */
    int ORDER_CLIENTS = 200;
    /** HTTP requests in flight finish. */
    int ORDER_REQUESTS = 300;
    /** Live submissions are flushed to the database and their backups are in sync. */
    int ORDER_FLUSH = 400;

    /** A word for progress reports ("clients"). */
    String name();

    /**
     * Does the step, waiting as long as it needs (within its own deadline).
     *
     * @return what it moved, for the drain's report
     * @throws InterruptedException when the drain was cancelled (an undrain); the step stops at once
     */
    String run(DrainContext context) throws InterruptedException;
}
