package org.lectern.node.cluster;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import com.hazelcast.query.Predicates;
import java.util.List;
import org.lectern.shared.cluster.ClusterEventKind;
import org.lectern.shared.cluster.ClusterStructures;
import org.lectern.shared.cluster.EventSeverity;
import org.springframework.stereotype.Component;

/**
 * Names on the timeline every value written into an operator-controlled map that no node may use. It listens with
 * local entry listeners, which fire only on the member owning the entry, so one write gives one event however many
 * nodes there are; the readers themselves ({@link SignedState#accept}) just ignore such values.
 */
@Component
class HazelcastSignedStateGuard {

    /** The maps only operator commands (carried out by nodes) may change. */
    static final List<String> GUARDED = List.of(ClusterStructures.CLUSTER_SETTINGS, ClusterStructures.NODE_WEIGHTS,
            ClusterStructures.PUBLISHED_CONFIG);

    HazelcastSignedStateGuard(HazelcastInstance hazelcast, SignedState signed, ClusterEvents events) {
        for (String structure : GUARDED) {
            hazelcast.<String, Object>getMap(structure).addLocalEntryListener(
                    new Written(structure, signed, events), Predicates.alwaysTrue(), true);
        }
    }

    private record Written(String structure, SignedState signed, ClusterEvents events)
            implements EntryAddedListener<String, Object>, EntryUpdatedListener<String, Object> {

        @Override
        public void entryAdded(EntryEvent<String, Object> event) {
            check(event);
        }

        @Override
        public void entryUpdated(EntryEvent<String, Object> event) {
            check(event);
        }

        private void check(EntryEvent<String, Object> event) {
            signed.problemWith(structure, event.getKey(), event.getValue()).ifPresent(problem ->
                    events.publish(ClusterEventKind.STATE_TAMPERED, EventSeverity.CRITICAL, "Ignored the value written"
                            + " for '" + event.getKey() + "' into " + structure + " (" + problem + "): only signed"
                            + " operator commands change it. Someone without the operator credential reaches the"
                            + " cluster port"));
        }
    }
}
