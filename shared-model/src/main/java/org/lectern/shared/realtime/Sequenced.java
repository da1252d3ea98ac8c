package org.lectern.shared.realtime;

/**
 * The envelope of every message sent through the node's reliable messaging: the payload plus its place in the
 * destination's sequence. The same number travels as the STOMP header {@value #SEQ_HEADER}.
 *
 * @param destination  the destination as the client subscribed to it: {@code /topic/...}, or
 *                     {@code /user/queue/...} for a personal destination (whose sequence is the user's own)
 * @param seq          1, 2, 3, ... per destination (per user and destination for personal ones), without gaps
 * @param sentAtMillis when the node published it, in epoch milliseconds
 * @param payload      the message itself, one of the records the destination is declared with
 * @param <T>          the payload's type
 */
public record Sequenced<T>(String destination, long seq, long sentAtMillis, T payload) {

    /** The STOMP header that carries {@link #seq()}, so a client can read it without parsing the body. */
    public static final String SEQ_HEADER = "lectern-seq";
}
