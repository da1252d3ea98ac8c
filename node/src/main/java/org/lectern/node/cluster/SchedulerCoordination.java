package org.lectern.node.cluster;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.lectern.shared.scheduling.ScheduledTaskView;
import org.lectern.shared.scheduling.SchedulerOwnership;

/**
 * What the scheduler needs from the cluster to agree on its one owner and to show its tasks: the members in
 * join order, the ownership record with its epoch, and a way to hear at once when either changes. Decides
 * nothing itself; the election rule is the scheduler's.
 */
public interface SchedulerCoordination {

    /** The Hazelcast member UUIDs of the cluster, oldest member first. */
    List<String> membersOldestFirst();

    /** The Hazelcast member UUID of this node. */
    String localMemberId();

    /** The current ownership; empty before anyone ever owned the scheduler. An empty owner id means "none". */
    Optional<SchedulerOwnership> ownership();

    /**
     * Moves ownership to {@code nodeId}/{@code memberUuid} (both empty for "no owner") if the current owner's member
     * UUID is still {@code expectedOwnerMemberUuid} (empty when there is none). Atomic across the cluster: the epoch
     * becomes the previous one plus one, so no two owners ever get the same epoch, and the new record is kept in the
     * history under its epoch.
     *
     * @return the new ownership, or empty if the record had changed in the meantime
     */
    Optional<SchedulerOwnership> transfer(String expectedOwnerMemberUuid, String nodeId, String memberUuid,
            long nowMillis);

    /** Calls {@code listener} (on a Hazelcast thread; keep it short) when a member joins or leaves or the ownership changes. */
    void onChange(Runnable listener);

    /** Replaces what the cluster shows of the scheduled tasks with {@code tasks}. */
    void showTasks(Collection<ScheduledTaskView> tasks);
}
