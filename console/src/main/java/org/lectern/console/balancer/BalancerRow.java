package org.lectern.console.balancer;

/** HAProxy's view of a server next to the node's own, with the mismatch in words (empty when they agree). */
public record BalancerRow(String server, String haproxyStatus, String haproxyWeight, String nodeState,
        String nodeWeight, String mismatch) {
}
