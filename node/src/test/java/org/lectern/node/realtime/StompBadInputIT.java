package org.lectern.node.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lectern.node.support.NodeIntegrationTest;
import org.lectern.node.support.StompTestClient;
import org.lectern.shared.notification.Notification;
import org.lectern.shared.realtime.Realtime;
import org.lectern.shared.topics.Destinations;
import org.springframework.messaging.simp.stomp.StompHeaders;

/**
 * Bad STOMP frames from a real STOMP client, one connection each: bodies that are binary, not JSON or JSON of the
 * wrong shape or with numbers out of range, destinations of 12 KB (within the frame limit) or with control
 * characters (frames no proper client writes, such as bad headers, and frames beyond the limit are in
 * {@code StompTransportLimitsIT}). Each gets an
 * ERROR frame with a short message (or, when the close overtakes it, the close alone; see {@link StompProbe}), the
 * connection ends, and the node goes on serving another client.
 */
class StompBadInputIT extends NodeIntegrationTest {

    private static final String HUGE = "x".repeat(12 * 1024);

    @ParameterizedTest(name = "{argumentSetName}")
    @MethodSource("badFrames")
    void shouldAnswerAnErrorAndKeepServingWhenAFrameIsBad(Consumer<StompProbe> badFrame) throws Exception {
        try (StompProbe probe = StompProbe.connect(port, client().tokenFor("student1", "demo"))) {
            badFrame.accept(probe);

            probe.errorMessage().ifPresent(message -> assertThat(message).isNotBlank().hasSizeLessThan(1000));
            assertThat(probe.awaitClosed()).isTrue();
        }
        try (StompTestClient other = StompTestClient.connect(port, client().tokenFor("student2", "demo"))) {
            assertThat(other.subscribe(Destinations.subscriptionFor(Destinations.PERSONAL_NOTIFICATIONS),
                    Notification.class)).isEmpty();
        }
    }

    static Stream<Arguments> badFrames() {
        return Stream.of(
                Arguments.argumentSet("binary body declared as octet-stream",
                        send(Realtime.REPLAY_ENDPOINT, "application/octet-stream", new byte[] {0, 1, (byte) 0xff, 7})),
                Arguments.argumentSet("binary body declared as JSON",
                        send(Realtime.REPLAY_ENDPOINT, "application/json", new byte[] {(byte) 0xc3, 0x28, 0, 1})),
                Arguments.argumentSet("truncated JSON", sendJson(Realtime.REPLAY_ENDPOINT, "{\"destination\":")),
                Arguments.argumentSet("JSON of the wrong types",
                        sendJson(Realtime.REPLAY_ENDPOINT, "{\"destination\":{\"a\":1},\"lastSeq\":\"abc\"}")),
                Arguments.argumentSet("a number too large for its field",
                        sendJson(Realtime.REPLAY_ENDPOINT, "{\"destination\":\"/topic/system\",\"lastSeq\":1e400}")),
                Arguments.argumentSet("a JSON array instead of an object", sendJson(Realtime.REPLAY_ENDPOINT, "[1,2]")),
                Arguments.argumentSet("SEND to a 12 KB destination", sendJson("/app/" + HUGE, "{}")),
                Arguments.argumentSet("SUBSCRIBE to a 12 KB destination", subscribe("/topic/" + HUGE)),
                Arguments.argumentSet("SUBSCRIBE to a destination with control characters",
                        subscribe("/topic/courses/1\u0000\u0007/students")),
                Arguments.argumentSet("SEND to a team id beyond 64 bits",
                        sendJson("/app/teams/99999999999999999999999/presence", "{\"online\":true}")));
    }

    private static Consumer<StompProbe> sendJson(String destination, String json) {
        return send(destination, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    private static Consumer<StompProbe> send(String destination, String contentType, byte[] body) {
        return probe -> {
            StompHeaders headers = new StompHeaders();
            headers.setDestination(destination);
            headers.set(StompHeaders.CONTENT_TYPE, contentType);
            probe.send(headers, body);
        };
    }

    private static Consumer<StompProbe> subscribe(String destination) {
        return probe -> {
            try {
                assertThat(probe.subscribe(destination)).isIn(StompProbe.Outcome.ERROR, StompProbe.Outcome.CLOSED);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        };
    }
}
