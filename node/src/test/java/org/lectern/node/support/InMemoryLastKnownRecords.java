package org.lectern.node.support;

import java.io.Serializable;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.lectern.node.cluster.LastKnownRecords;

/** {@link LastKnownRecords} of one JVM, for unit tests of the features that remember: the cluster's is an IT's. */
public final class InMemoryLastKnownRecords implements LastKnownRecords {

    private final Map<String, Serializable> records = new ConcurrentHashMap<>();

    @Override
    public <V extends Serializable> Optional<V> get(String map, String key, Class<V> type) {
        return Optional.ofNullable(records.get(map + "/" + key)).filter(type::isInstance).map(type::cast);
    }

    @Override
    public void put(String map, String key, Serializable value) {
        records.put(map + "/" + key, value);
    }

    @Override
    public void remember(String map, String key, Serializable value) {
        put(map, key, value);
    }

    @Override
    public void remove(String map, String key) {
        records.remove(map + "/" + key);
    }

    @Override
    public void removeAll(String map, String keyPrefix) {
        records.keySet().removeIf(key -> key.startsWith(map + "/" + keyPrefix));
    }

    @Override
    public synchronized <T> T whileLocked(String map, String key, Supplier<T> action) {
        return action.get();
    }
}
