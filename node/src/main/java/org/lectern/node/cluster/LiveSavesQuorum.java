package org.lectern.node.cluster;

import com.hazelcast.core.HazelcastInstance;
import org.springframework.stereotype.Component;

/**
 * Whether this node sees enough of the cluster to take live saves: false on the minority side of a split, where
 * every exam and quiz save would be refused ({@link ClusterMinorityException}). The load balancer's agent asks, so
 * that students are sent to the side that takes their work while the split lasts.
 */
@Component
public class LiveSavesQuorum {

    private final HazelcastInstance member;
    private final boolean protectedBySize;

    public LiveSavesQuorum(HazelcastInstance member) {
        this.member = member;
        this.protectedBySize = member.getConfig().getSplitBrainProtectionConfigs()
                .containsKey(ClusterMembership.LIVE_SUBMISSIONS_PROTECTION);
    }

    /** True unless split-brain protection is on and this member sees fewer members than it requires. */
    public boolean present() {
        return !protectedBySize || member.getSplitBrainProtectionService()
                .getSplitBrainProtection(ClusterMembership.LIVE_SUBMISSIONS_PROTECTION).hasMinimumSize();
    }
}
