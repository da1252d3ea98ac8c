package org.lectern.node.cluster;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import org.lectern.shared.cluster.ClusterStructures;
import org.springframework.stereotype.Component;

/** Values are {@link org.lectern.shared.operations.SignedValue}s; whatever else is found there is ignored. */
@Component
class HazelcastClusterSettingsStore implements ClusterSettingsStore {

    private static final String NAME = ClusterStructures.CLUSTER_SETTINGS;

    private final IMap<String, Object> settings;
    private final SignedState signed;

    HazelcastClusterSettingsStore(HazelcastInstance hazelcast, SignedState signed) {
        this.settings = hazelcast.getMap(NAME);
        this.signed = signed;
    }

    @Override
    public Map<String, String> all() {
        Map<String, String> all = new HashMap<>();
        settings.getAll(settings.keySet()).forEach((key, found) ->
                signed.accept(NAME, key, found).ifPresent(value -> all.put(key, value)));
        return Map.copyOf(all);
    }

    @Override
    public void put(String key, String value) {
        settings.set(key, signed.sign(NAME, key, value));
    }

    @Override
    public void putIfAbsent(String key, String value) {
        // A value no node may use counts as absent, so that a tampered entry does not hide the stored one.
        Object found = settings.get(key);
        if (found == null) {
            settings.putIfAbsent(key, signed.sign(NAME, key, value));
        } else if (signed.accept(NAME, key, found).isEmpty()) {
            settings.replace(key, found, signed.sign(NAME, key, value));
        }
    }

    @Override
    public void onChange(BiConsumer<String, String> listener) {
        settings.addEntryListener(new ChangeListener(signed, listener), true);
    }

    private record ChangeListener(SignedState signed, BiConsumer<String, String> listener)
            implements EntryAddedListener<String, Object>, EntryUpdatedListener<String, Object> {

        @Override
        public void entryAdded(EntryEvent<String, Object> event) {
            changed(event);
        }

        @Override
        public void entryUpdated(EntryEvent<String, Object> event) {
            changed(event);
        }

        private void changed(EntryEvent<String, Object> event) {
            signed.accept(NAME, event.getKey(), event.getValue())
                    .ifPresent(value -> listener.accept(event.getKey(), value));
        }
    }
}
