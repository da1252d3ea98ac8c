package org.lectern.node.cluster;

import java.time.Duration;
import org.lectern.node.web.ServiceUnavailableException;

/**
 * This member sees fewer members than split-brain protection requires (it is on the minority side of a split, or
 * most nodes are down), so it refused a write the majority might contradict; nothing was written. The client sends
 * the same request again after a few seconds: the balancer's health checks move it to a node on the majority side,
 * or this one takes it once the cluster is whole.
 */
public class ClusterMinorityException extends ServiceUnavailableException {

    /** Long enough for the balancer to notice; a retried save is answered once, whichever node takes it. */
    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    ClusterMinorityException(RuntimeException cause) {
        super("This node is cut off from most of the cluster and takes no saves until it is back; nothing was "
                + "saved. Send the same request again (it is safe: a save is kept once).", RETRY_AFTER, cause);
    }
}
