package org.lectern.node.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lectern.node.support.NodeIntegrationTest;
import org.lectern.node.support.StompTestClient;
import org.lectern.shared.notification.Notification;
import org.lectern.shared.topics.Destinations;
import org.springframework.web.socket.CloseStatus;

/**
 * What a client that does not speak STOMP properly gets, over a raw WebSocket: an ERROR frame and a closed
 * connection (1002) for a malformed frame, a bad header or an unknown command, a close with 1009 (too big) for an
 * oversized one, and the node serves everyone else as before.
 *
 * <p>Spring writes the ERROR frame and closes at once; if another thread is writing to the session at that moment,
 * the ERROR stays in the session's send buffer and the close discards it. The close is certain, the ERROR frame
 * nearly so; the tests hold the server to exactly that.
 */
class StompTransportLimitsIT extends NodeIntegrationTest {

    private static final String CONNECT = "CONNECT\naccept-version:1.2\nhost:127.0.0.1\n\n\0";

    @Test
    void shouldCloseWithTooBigWhenAFrameExceedsTheSizeLimit() throws Exception {
        try (RawStomp raw = RawStomp.connect(port, client().tokenFor("student1", "demo"))) {
            raw.send("SEND\ndestination:/app/replay\ncontent-type:application/json\n\n\"" + "x".repeat(20 * 1024)
                    + "\"\0");

            assertThat(raw.closeStatus()).isEqualTo(CloseStatus.TOO_BIG_TO_PROCESS.getCode());
        }
        assertThatTheNodeStillServesOthers();
    }

    @Test
    void shouldAgreeOnHeartBeatsBothWaysWhenTheClientAsksForThem() throws Exception {
        try (RawStomp raw = RawStomp.connect(port, client().tokenFor("student1", "demo"),
                "CONNECT\naccept-version:1.2\nhost:127.0.0.1\nheart-beat:10000,10000\n\n\0")) {
            assertThat(raw.connected()).containsPattern("heart-beat:[1-9][0-9]*,[1-9][0-9]*");
        }
    }

    @Test
    void shouldAcceptAFrameJustWithinTheSizeLimit() throws Exception {
        try (RawStomp raw = RawStomp.connect(port, client().tokenFor("student1", "demo"))) {
            raw.send("SUBSCRIBE\nid:big\ndestination:/topic/system\nreceipt:r-1\nx-padding:" + "p".repeat(15 * 1024)
                    + "\n\n\0");

            assertThat(raw.nextFrame()).startsWith("RECEIPT");
        }
    }

    @Test
    void shouldAnswerAnErrorAndCloseWhenAFrameIsMalformed() throws Exception {
        try (RawStomp raw = RawStomp.connect(port, client().tokenFor("student1", "demo"))) {
            raw.send("SUBSCRIBE\nthis header has no colon\n\n\0");

            raw.expectErrorAndClose();
        }
        assertThatTheNodeStillServesOthers();
    }

    @Test
    void shouldAnswerAnErrorAndCloseWhenTheCommandIsUnknown() throws Exception {
        try (RawStomp raw = RawStomp.connect(port, client().tokenFor("student1", "demo"))) {
            raw.send("HELLO\ndestination:/topic/system\n\n\0");

            raw.expectErrorAndClose();
        }
        assertThatTheNodeStillServesOthers();
    }

    @Test
    void shouldAnswerAnErrorAndCloseWhenASubscriptionHasNoDestination() throws Exception {
        try (RawStomp raw = RawStomp.connect(port, client().tokenFor("student1", "demo"))) {
            raw.send("SUBSCRIBE\nid:1\n\n\0");

            raw.expectErrorAndClose();
        }
        assertThatTheNodeStillServesOthers();
    }

    @ParameterizedTest(name = "{argumentSetName}")
    @MethodSource("badHeaders")
    void shouldAnswerAnErrorAndCloseWhenAHeaderIsBad(String frame) throws Exception {
        try (RawStomp raw = RawStomp.connect(port, client().tokenFor("student1", "demo"))) {
            raw.send(frame);

            raw.expectErrorAndClose();
        }
        assertThatTheNodeStillServesOthers();
    }

    static Stream<Arguments> badHeaders() {
        return Stream.of(
                Arguments.argumentSet("a content type that is no media type",
                        "SEND\ndestination:/app/replay\ncontent-type:not a media type;;=\n\n{}\0"),
                Arguments.argumentSet("an illegal escape sequence in a header",
                        "SUBSCRIBE\nid:1\ndestination:/topic/sys\\qtem\nreceipt:r-1\n\n\0"),
                Arguments.argumentSet("a header with an empty name",
                        "SUBSCRIBE\nid:1\n:value\ndestination:/topic/system\nreceipt:r-1\n\n\0"));
    }

    private void assertThatTheNodeStillServesOthers() throws Exception {
        try (StompTestClient other = StompTestClient.connect(port, client().tokenFor("student2", "demo"))) {
            assertThat(other.subscribe(Destinations.subscriptionFor(Destinations.PERSONAL_NOTIFICATIONS),
                    Notification.class)).isEmpty();
        }
    }

    /** A WebSocket that speaks STOMP only as far as the test writes it, frame by frame. */
    private static final class RawStomp implements AutoCloseable {

        private final WebSocket socket;
        private final BlockingQueue<String> frames;
        private final CompletableFuture<Integer> closed;
        private String connected;

        private RawStomp(WebSocket socket, BlockingQueue<String> frames, CompletableFuture<Integer> closed) {
            this.socket = socket;
            this.frames = frames;
            this.closed = closed;
        }

        static RawStomp connect(int port, String token) throws Exception {
            return connect(port, token, CONNECT);
        }

        static RawStomp connect(int port, String token, String connectFrame) throws Exception {
            BlockingQueue<String> frames = new LinkedBlockingQueue<>();
            CompletableFuture<Integer> closed = new CompletableFuture<>();
            WebSocket.Listener listener = new WebSocket.Listener() {
                private final StringBuilder partial = new StringBuilder();

                @Override
                public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                    partial.append(data);
                    if (last) {
                        frames.add(partial.toString());
                        partial.setLength(0);
                    }
                    webSocket.request(1);
                    return null;
                }

                @Override
                public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                    closed.complete(statusCode);
                    return null;
                }

                @Override
                public void onError(WebSocket webSocket, Throwable error) {
                    closed.complete(-1);
                }
            };
            WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                    .header("Authorization", "Bearer " + token)
                    .connectTimeout(Duration.ofSeconds(10))
                    .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws"), listener)
                    .get(10, TimeUnit.SECONDS);
            RawStomp raw = new RawStomp(socket, frames, closed);
            raw.send(connectFrame);
            raw.connected = raw.nextFrame();
            assertThat(raw.connected).startsWith("CONNECTED");
            return raw;
        }

        /** The server's CONNECTED frame. */
        String connected() {
            return connected;
        }

        void send(String frame) throws Exception {
            socket.sendText(frame, true).get(10, TimeUnit.SECONDS);
        }

        String nextFrame() throws InterruptedException {
            String frame = frames.poll(15, TimeUnit.SECONDS);
            assertThat(frame).as("a frame from the server").isNotNull();
            return frame;
        }

        /** An ERROR frame unless the close overtook it (see above), then the close with 1002 (protocol error). */
        void expectErrorAndClose() throws Exception {
            assertThat(closeStatus()).isEqualTo(CloseStatus.PROTOCOL_ERROR.getCode());
            // Frames arrive in order, so once the close is in, whatever the server sent before it is here.
            assertThat(frames).hasSizeLessThanOrEqualTo(1).allSatisfy(frame -> assertThat(frame).startsWith("ERROR"));
        }

        Integer closeStatus() throws Exception {
            return closed.get(15, TimeUnit.SECONDS);
        }

        @Override
        public void close() {
            socket.abort();
        }
    }
}
