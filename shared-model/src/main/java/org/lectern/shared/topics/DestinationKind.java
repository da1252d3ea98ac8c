package org.lectern.shared.topics;

/** How a client uses a declared destination. */
public enum DestinationKind {
    /** A user's own queue, subscribed as {@code /user} + the pattern; the broker sees a per-session queue. */
    PERSONAL,
    /** A shared broadcast topic under {@code /topic}, subscribed as is. */
    TOPIC,
    /** An application destination under {@code /app} a client SENDs to; handled by the node, never the broker. */
    APPLICATION
}
