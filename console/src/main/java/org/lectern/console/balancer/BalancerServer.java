package org.lectern.console.balancer;

/** One server line of HAProxy's stats: what the balancer actually applies. */
public record BalancerServer(String backend, String server, String status, int weight) {
}
