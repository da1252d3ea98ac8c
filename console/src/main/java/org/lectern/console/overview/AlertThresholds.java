package org.lectern.console.overview;

import java.util.prefs.Preferences;

/**
 * When the console raises an alert; set by the operator and remembered with the window layout.
 *
 * @param saveP95Millis          a node's save p95 above this (the exam-day target), milliseconds
 * @param heapPercent            a node's heap use above this share of its limit, percent
 * @param cpuPercent             a node's process CPU above this, percent
 * @param nodeMissingSeconds     a node gone from the cluster (not after an orderly stop) for this long
 * @param clusterNotSafeSeconds  not every live submission stored twice for this long (a migration takes seconds)
 * @param brokerBacklogMessages  a broker queue holding more messages than this
 * @param brokerConnections      the broker holding more connections than this
 * @param weightMismatchSeconds  HAProxy and a node disagreeing (state or weight) for this long (agent checks lag)
 * @param notifyDesktop          whether a new alert also raises a desktop notification
 */
public record AlertThresholds(int saveP95Millis, int heapPercent, int cpuPercent, int nodeMissingSeconds,
        int clusterNotSafeSeconds, int brokerBacklogMessages, int brokerConnections, int weightMismatchSeconds,
        boolean notifyDesktop) {

    public static final AlertThresholds DEFAULTS = new AlertThresholds(500, 85, 90, 5, 30, 1_000, 1_000, 30, true);

    public AlertThresholds {
        requireAtLeast("save p95", saveP95Millis, 1);
        requireWithin("heap share", heapPercent, 1, 100);
        requireWithin("CPU", cpuPercent, 1, 100);
        requireAtLeast("node missing", nodeMissingSeconds, 0);
        requireAtLeast("cluster not safe", clusterNotSafeSeconds, 0);
        requireAtLeast("broker backlog", brokerBacklogMessages, 0);
        requireAtLeast("broker connections", brokerConnections, 0);
        requireAtLeast("weight mismatch", weightMismatchSeconds, 0);
    }

    /** What was saved, or the defaults for what was not (or no longer makes sense). */
    public static AlertThresholds load(Preferences preferences) {
        try {
            return new AlertThresholds(
                    preferences.getInt("alert.save-p95-ms", DEFAULTS.saveP95Millis),
                    preferences.getInt("alert.heap-percent", DEFAULTS.heapPercent),
                    preferences.getInt("alert.cpu-percent", DEFAULTS.cpuPercent),
                    preferences.getInt("alert.node-missing-s", DEFAULTS.nodeMissingSeconds),
                    preferences.getInt("alert.cluster-not-safe-s", DEFAULTS.clusterNotSafeSeconds),
                    preferences.getInt("alert.broker-backlog", DEFAULTS.brokerBacklogMessages),
                    preferences.getInt("alert.broker-connections", DEFAULTS.brokerConnections),
                    preferences.getInt("alert.weight-mismatch-s", DEFAULTS.weightMismatchSeconds),
                    preferences.getBoolean("alert.notify", DEFAULTS.notifyDesktop));
        } catch (IllegalArgumentException edited) {
            return DEFAULTS;
        }
    }

    public void save(Preferences preferences) {
        preferences.putInt("alert.save-p95-ms", saveP95Millis);
        preferences.putInt("alert.heap-percent", heapPercent);
        preferences.putInt("alert.cpu-percent", cpuPercent);
        preferences.putInt("alert.node-missing-s", nodeMissingSeconds);
        preferences.putInt("alert.cluster-not-safe-s", clusterNotSafeSeconds);
        preferences.putInt("alert.broker-backlog", brokerBacklogMessages);
        preferences.putInt("alert.broker-connections", brokerConnections);
        preferences.putInt("alert.weight-mismatch-s", weightMismatchSeconds);
        preferences.putBoolean("alert.notify", notifyDesktop);
    }

    private static void requireAtLeast(String name, int value, int minimum) {
        if (value < minimum) {
            throw new IllegalArgumentException("The " + name + " threshold must be at least " + minimum + ", was "
                    + value);
        }
    }

    private static void requireWithin(String name, int value, int minimum, int maximum) {
        if (value < minimum || value > maximum) {
            throw new IllegalArgumentException("The " + name + " threshold must be " + minimum + " to " + maximum
                    + " %, was " + value);
        }
    }
}
