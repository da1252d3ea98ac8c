package org.lectern.shared.realtime;

/** The STOMP destinations of the reliability protocol (sequence numbers, replay, control messages). */
public final class Realtime {

    /** Where a client SENDs a {@link ReplayRequest}. */
    public static final String REPLAY_ENDPOINT = "/app/replay";

    /** Personal destination of {@link ReplayResponse}s; subscribed as {@code /user/queue/replay}. */
    public static final String REPLAY_QUEUE = "/queue/replay";

    /** Personal destination of {@link ControlMessage}s; subscribed as {@code /user/queue/control}. */
    public static final String CONTROL_QUEUE = "/queue/control";

    /**
     * STOMP header of the ERROR frame with which a node closes a session on purpose, naming the
     * {@link ControlType} (e.g. {@code SESSION_ENDED}); an ERROR without it is a protocol error.
     */
    public static final String CONTROL_HEADER = "lectern-control";

    private Realtime() {
    }
}
