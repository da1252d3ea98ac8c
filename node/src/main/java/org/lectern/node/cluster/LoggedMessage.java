package org.lectern.node.cluster;

/** One message of a {@link ReplayLog}: its sequence number, its payload as JSON and when it was sent. */
public record LoggedMessage(long seq, String payloadJson, long sentAtMillis) {
}
