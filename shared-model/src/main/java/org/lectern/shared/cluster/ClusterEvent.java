package org.lectern.shared.cluster;

/**
 * Something an operator may want to see on the timeline, published by nodes on
 * {@link ClusterStructures#EVENTS}.
 *
 * @param id       unique id
 * @param atMillis when, epoch milliseconds
 * @param kind     what happened
 * @param severity how urgent
 * @param nodeId   the node it happened on (or that noticed it)
 * @param message  a sentence for the operator
 */
public record ClusterEvent(String id, long atMillis, ClusterEventKind kind, EventSeverity severity, String nodeId,
        String message) {
}
