package org.lectern.shared.cluster;

/** What happened in the cluster, for the console's timeline. */
public enum ClusterEventKind {
    MEMBER_JOINED,
    MEMBER_LEFT,
    NODE_STATE_CHANGED,
    WEIGHT_CHANGED,
    BROKER_DISCONNECTED,
    BROKER_CONNECTED,
    SPLIT_BRAIN_SUSPECTED,
    CLUSTER_MERGED,
    SCHEDULER_HANDOVER,
    SETTING_CHANGED,
    SCHEMA_MISMATCH,
    COMMAND_REJECTED,
    /** Someone wrote an unsigned, wrongly signed or replayed value into an operator-controlled map; it was ignored. */
    STATE_TAMPERED,

    /** Raised by a console from its operator's alert thresholds, for its own timeline; nodes never publish it. */
    CONSOLE_ALERT
}
