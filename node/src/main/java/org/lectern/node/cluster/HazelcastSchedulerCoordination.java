package org.lectern.node.cluster;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.EntryEvent;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryRemovedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import java.io.Serial;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.lectern.shared.cluster.ClusterStructures;
import org.lectern.shared.scheduling.ScheduledTaskView;
import org.lectern.shared.scheduling.SchedulerOwnership;
import org.springframework.stereotype.Component;

/**
 * The scheduler's ownership in {@link ClusterStructures#SCHEDULER_OWNER}, changed only by an entry processor: it
 * runs on the one partition thread that owns the key, so two nodes racing for ownership are serialised and never
 * hand out the same epoch. No CP subsystem (Enterprise-only since Hazelcast 5.5); the map keeps its default
 * synchronous backup, so the record and its epoch survive the death of the member that holds it.
 */
@Component
class HazelcastSchedulerCoordination implements SchedulerCoordination {

    private final HazelcastInstance hazelcast;
    private final IMap<String, SchedulerOwnership> owner;
    private final IMap<Long, SchedulerOwnership> history;
    private final IMap<String, ScheduledTaskView> tasks;

    HazelcastSchedulerCoordination(HazelcastInstance hazelcast) {
        this.hazelcast = hazelcast;
        this.owner = hazelcast.getMap(ClusterStructures.SCHEDULER_OWNER);
        this.history = hazelcast.getMap(ClusterStructures.SCHEDULER_HISTORY);
        this.tasks = hazelcast.getMap(ClusterStructures.SCHEDULED_TASKS);
    }

    @Override
    public List<String> membersOldestFirst() {
        // Hazelcast keeps the member list in join order, the oldest member first, identically on every member.
        return hazelcast.getCluster().getMembers().stream().map(member -> member.getUuid().toString()).toList();
    }

    @Override
    public String localMemberId() {
        return hazelcast.getCluster().getLocalMember().getUuid().toString();
    }

    @Override
    public Optional<SchedulerOwnership> ownership() {
        return Optional.ofNullable(owner.get(ClusterStructures.SCHEDULER_OWNER_KEY));
    }

    @Override
    public Optional<SchedulerOwnership> transfer(String expectedOwnerMemberUuid, String nodeId, String memberUuid,
            long nowMillis) {
        SchedulerOwnership next = owner.executeOnKey(ClusterStructures.SCHEDULER_OWNER_KEY,
                new Transfer(expectedOwnerMemberUuid, nodeId, memberUuid, nowMillis));
        if (next != null) {
            history.set(next.epoch(), next);
        }
        return Optional.ofNullable(next);
    }

    @Override
    public void onChange(Runnable listener) {
        hazelcast.getCluster().addMembershipListener(new MembershipListener() {
            @Override
            public void memberAdded(MembershipEvent event) {
                listener.run();
            }

            @Override
            public void memberRemoved(MembershipEvent event) {
                listener.run();
            }
        });
        owner.addEntryListener(new OwnerListener(listener), false);
    }

    @Override
    public void showTasks(Collection<ScheduledTaskView> shown) {
        Map<String, ScheduledTaskView> next = new HashMap<>();
        shown.forEach(task -> next.put(task.taskId(), task));
        tasks.putAll(next);
        Set<String> gone = tasks.keySet().stream().filter(id -> !next.containsKey(id)).collect(Collectors.toSet());
        gone.forEach(tasks::delete);
    }

    /**
     * Compare-and-set on the owner's member UUID, with the epoch counted up inside. Runs again as its own backup
     * processor on the backup replica, with the same inputs and so the same outcome.
     */
    record Transfer(String expectedOwnerMemberUuid, String nodeId, String memberUuid, long nowMillis)
            implements EntryProcessor<String, SchedulerOwnership, SchedulerOwnership> {

        @Serial
        private static final long serialVersionUID = 1L;

        @Override
        public SchedulerOwnership process(Map.Entry<String, SchedulerOwnership> entry) {
            SchedulerOwnership current = entry.getValue();
            String currentUuid = current == null ? "" : current.ownerMemberUuid();
            if (!currentUuid.equals(expectedOwnerMemberUuid)) {
                return null;
            }
            long epoch = current == null ? 1 : current.epoch() + 1;
            SchedulerOwnership next = new SchedulerOwnership(nodeId, memberUuid, epoch, nowMillis);
            entry.setValue(next);
            return next;
        }
    }

    private record OwnerListener(Runnable listener) implements EntryAddedListener<String, SchedulerOwnership>,
            EntryUpdatedListener<String, SchedulerOwnership>, EntryRemovedListener<String, SchedulerOwnership> {

        @Override
        public void entryAdded(EntryEvent<String, SchedulerOwnership> event) {
            listener.run();
        }

        @Override
        public void entryUpdated(EntryEvent<String, SchedulerOwnership> event) {
            listener.run();
        }

        @Override
        public void entryRemoved(EntryEvent<String, SchedulerOwnership> event) {
            listener.run();
        }
    }
}
