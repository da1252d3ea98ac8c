package org.lectern.console.events;

import org.lectern.shared.cluster.EventSeverity;

/** One line of the timeline. */
public record EventRow(String id, String at, EventSeverity severity, String kind, String nodeId, String message) {
}
