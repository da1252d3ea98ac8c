package org.lectern.node.cluster;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import java.util.Map;
import java.util.function.BiConsumer;
import org.lectern.shared.cluster.ClusterStructures;
import org.springframework.stereotype.Component;

@Component
class HazelcastClusterSettingsStore implements ClusterSettingsStore {

    private final IMap<String, String> settings;

    HazelcastClusterSettingsStore(HazelcastInstance hazelcast) {
        this.settings = hazelcast.getMap(ClusterStructures.CLUSTER_SETTINGS);
    }

    @Override
    public Map<String, String> all() {
        return Map.copyOf(settings.getAll(settings.keySet()));
    }

    @Override
    public void put(String key, String value) {
        settings.set(key, value);
    }

    @Override
    public void putIfAbsent(String key, String value) {
        settings.putIfAbsent(key, value);
    }

    @Override
    public void onChange(BiConsumer<String, String> listener) {
        settings.addEntryListener(new ChangeListener(listener), true);
    }

    private record ChangeListener(BiConsumer<String, String> listener)
            implements EntryAddedListener<String, String>, EntryUpdatedListener<String, String> {

        @Override
        public void entryAdded(EntryEvent<String, String> event) {
            listener.accept(event.getKey(), event.getValue());
        }

        @Override
        public void entryUpdated(EntryEvent<String, String> event) {
            listener.accept(event.getKey(), event.getValue());
        }
    }
}
