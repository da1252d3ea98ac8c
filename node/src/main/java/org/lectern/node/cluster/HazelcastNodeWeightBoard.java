package org.lectern.node.cluster;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import java.util.OptionalInt;
import java.util.function.IntConsumer;
import org.lectern.shared.cluster.ClusterStructures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

@Component
class HazelcastNodeWeightBoard implements NodeWeightBoard {

    private static final Logger log = LoggerFactory.getLogger(HazelcastNodeWeightBoard.class);

    private static final String NAME = ClusterStructures.NODE_WEIGHTS;

    private final IMap<String, Object> weights;
    private final SignedState signed;

    HazelcastNodeWeightBoard(HazelcastInstance hazelcast, SignedState signed) {
        this.weights = hazelcast.getMap(NAME);
        this.signed = signed;
    }

    @Override
    public OptionalInt find(String nodeId) {
        try {
            return weight(nodeId, weights.get(nodeId));
        } catch (RuntimeException e) {
            // Below the minimum cluster size the map refuses reads; the node then starts on its stored weight.
            log.warn("Could not read the weight of node {} from the cluster: {}", nodeId, e.toString());
            return OptionalInt.empty();
        }
    }

    @Override
    public void put(String nodeId, int weight) {
        weights.set(nodeId, signed.sign(NAME, nodeId, Integer.toString(weight)));
    }

    @Override
    public void onChange(String nodeId, IntConsumer listener) {
        WeightListener adapter = event -> weight(nodeId, event.getValue()).ifPresent(listener);
        weights.addEntryListener(adapter, nodeId, true);
    }

    /** Anyone may write anything into the map: only a signed integer is a weight. */
    private OptionalInt weight(String nodeId, Object found) {
        return signed.accept(NAME, nodeId, found).stream().mapToInt(value -> {
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                log.warn("Ignored the weight '{}' set for node {}: a weight is an integer", value, nodeId);
                return -1;
            }
        }).filter(weight -> weight >= 0).findFirst();
    }

    private interface WeightListener extends EntryAddedListener<String, Object>, EntryUpdatedListener<String, Object> {

        void changed(EntryEvent<String, Object> event);

        @Override
        default void entryAdded(EntryEvent<String, Object> event) {
            changed(event);
        }

        @Override
        default void entryUpdated(EntryEvent<String, Object> event) {
            changed(event);
        }
    }
}
