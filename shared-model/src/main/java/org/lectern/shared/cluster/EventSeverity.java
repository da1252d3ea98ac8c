package org.lectern.shared.cluster;

/** How much an event needs an operator's attention. */
public enum EventSeverity {
    INFO,
    WARNING,
    CRITICAL
}
