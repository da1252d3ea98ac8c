package org.lectern.console.overview;

import org.lectern.shared.cluster.EventSeverity;

/** What the console watches for, how urgent it is, and which view shows what is behind it. */
public enum AlertRule {
    SAVE_P95("Save p95 above target", EventSeverity.WARNING, "members"),
    HEAP("Heap near its limit", EventSeverity.WARNING, "members"),
    CPU("CPU high", EventSeverity.WARNING, "members"),
    NODE_MISSING("Node missing", EventSeverity.CRITICAL, "events"),
    CLUSTER_NOT_SAFE("Cluster not safe", EventSeverity.CRITICAL, "replicas"),
    BROKER_BACKLOG("Broker backlog", EventSeverity.WARNING, "broker"),
    BROKER_CONNECTIONS("Broker connections", EventSeverity.WARNING, "broker"),
    WEIGHT_MISMATCH("Balancer disagrees with node", EventSeverity.WARNING, "balancer");

    private final String title;
    private final EventSeverity severity;
    private final String view;

    AlertRule(String title, EventSeverity severity, String view) {
        this.title = title;
        this.severity = severity;
        this.view = view;
    }

    public String title() {
        return title;
    }

    public EventSeverity severity() {
        return severity;
    }

    /** The view that shows what is behind an alert of this rule. */
    public String view() {
        return view;
    }
}
