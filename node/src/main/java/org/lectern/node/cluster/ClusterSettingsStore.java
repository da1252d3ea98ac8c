package org.lectern.node.cluster;

import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The cluster-wide settings as every member currently sees them ({@code key} to {@code value}); a member that joins
 * finds the current values here.
 */
public interface ClusterSettingsStore {

    Map<String, String> all();

    /** Sets a value for every member. */
    void put(String key, String value);

    /** Sets a value unless the cluster has one already, as a node restoring a restarted cluster's state does. */
    void putIfAbsent(String key, String value);

    /** Calls {@code listener} with (key, value) after every change made by any member, on a cluster event thread. */
    void onChange(BiConsumer<String, String> listener);
}
