package org.lectern.node.cluster;

import java.io.Serializable;

/** One message of a {@link ReplayLog}: its sequence number, its payload as JSON and when it was sent. */
public record LoggedMessage(long seq, String payloadJson, long sentAtMillis) implements Serializable {
}
