package org.lectern.node.cluster;

import java.time.Duration;
import java.util.concurrent.CompletionStage;

/**
 * Per-destination logs of recently sent messages, shared by every node and kept in two copies, so that a client
 * can catch up on what it missed whichever node it reconnects to, even after the node that sent it died.
 */
public interface ReplayLog {

    /**
     * Appends a message to the log {@code key} under the next sequence number, atomically cluster-wide, and drops
     * what exceeds the bounds: more than {@code maxMessages} messages, or sent longer than {@code maxAge} before
     * {@code sentAtMillis}.
     *
     * @return the message's sequence number: 1 for a new log, then one more per append, never reused
     */
    long append(String key, String payloadJson, long sentAtMillis, int maxMessages, Duration maxAge);

    /**
     * As {@link #append}, without waiting: many appends are then in flight at once (a quiz's results to every
     * student), instead of one round trip to the key's owner and its backup after the other. Appends to one key from
     * one caller keep their order.
     */
    CompletionStage<Long> appendAsync(String key, String payloadJson, long sentAtMillis, int maxMessages,
            Duration maxAge);

    /** What the log {@code key} holds now; an empty snapshot with latest seq 0 for a log never written. */
    ReplayLogSnapshot read(String key);

    /** The sequence number of the last message appended to {@code key}; 0 for a log never written. */
    long latestSeq(String key);
}
