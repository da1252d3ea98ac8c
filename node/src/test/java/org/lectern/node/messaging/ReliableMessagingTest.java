package org.lectern.node.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.lectern.node.cluster.LoggedMessage;
import org.lectern.node.cluster.ReplayLog;
import org.lectern.shared.realtime.ReplayOutcome;
import org.lectern.shared.realtime.ReplayRequest;
import org.lectern.shared.realtime.ReplayResponse;
import org.lectern.shared.realtime.Sequenced;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ReliableMessagingTest {

    private static final Principal STUDENT = () -> "student1";

    /** What went to the broker: the destination as published, and the envelope. */
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final MemoryReplayLog log = new MemoryReplayLog();
    /** Stands in for {@link DestinationRules}: the caller's own personal destinations and the system topic. */
    private ReplayAccess access = (caller, destination) ->
            destination.startsWith("/user/queue/") || destination.equals("/topic/system");
    private Clock clock = Clock.fixed(Instant.parse("2026-01-01T10:00:00Z"), ZoneOffset.UTC);

    /** The threads the broker sends ran on. */
    private final List<String> sendingThreads = new CopyOnWriteArrayList<>();
    private final List<ReliableMessaging> started = new ArrayList<>();

    private ReliableMessaging messaging() {
        CrossNodePublisher relay = (key, envelope) -> {
            sendingThreads.add(Thread.currentThread().getName());
            return sent.add(new Sent(key, envelope));
        };
        ReliableMessaging messaging = new ReliableMessaging(relay, log, new ReplayProperties(3, Duration.ofMinutes(15)),
                JsonMapper.builder().build(), clock, access);
        started.add(messaging);
        return messaging;
    }

    @AfterEach
    void stop() {
        started.forEach(ReliableMessaging::stop);
    }

    record Tick(int n) {
    }

    record Sent(String key, Sequenced<?> envelope) {
    }

    @Nested
    class Publishing {

        @Test
        void shouldSendATopicMessageInItsEnvelopeWithTheSeqHeader() {
            ReliableMessaging messaging = messaging();
            messaging.publish("/topic/system", new Tick(1));

            Sequenced<Tick> second = messaging.publish("/topic/system", new Tick(2));

            assertThat(second).isEqualTo(new Sequenced<>("/topic/system", 2, clock.millis(), new Tick(2)));
            assertThat(sent.get(1)).isEqualTo(new Sent("/topic/system", second));
            assertThat(log.read("/topic/system").messages()).extracting(LoggedMessage::payloadJson)
                    .containsExactly("{\"n\":1}", "{\"n\":2}");
        }

        @Test
        void shouldSendEachDestinationInTheOrderLoggedFromItsOwnLaneWithoutAThreadPerMessage() {
            ReliableMessaging messaging = messaging();
            List<CompletableFuture<?>> all = new ArrayList<>();

            for (int i = 1; i <= 20; i++) {
                all.add(messaging.publishAsync("/topic/system", new Tick(i)).toCompletableFuture());
                all.add(messaging.publishAsync("/user/student" + i + "/queue/results", new Tick(i))
                        .toCompletableFuture());
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();

            assertThat(sent).filteredOn(s -> s.key().equals("/topic/system"))
                    .extracting(s -> s.envelope().seq())
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, 20).boxed().toList());
            assertThat(sent).hasSize(40);
            assertThat(sendingThreads).allMatch(name -> name.startsWith("relay-outbound-"));
            assertThat(sendingThreads.stream().distinct()).hasSizeLessThanOrEqualTo(4);
        }

        @Test
        void shouldStillSendWhatIsPublishedWhileTheNodeStops() {
            ReliableMessaging messaging = messaging();
            messaging.stop();

            Sequenced<Tick> late = messaging.publish("/topic/system", new Tick(1));

            assertThat(sent).containsExactly(new Sent("/topic/system", late));
        }

        @Test
        void shouldSequenceAPersonalDestinationPerUser() {
            ReliableMessaging messaging = messaging();
            messaging.publish("/user/student2/queue/results", new Tick(1));

            Sequenced<Tick> envelope = messaging.publish("/user/student1/queue/results", new Tick(1));

            assertThat(envelope.seq()).isEqualTo(1);
            assertThat(envelope.destination()).isEqualTo("/user/queue/results");
            assertThat(sent.get(1)).isEqualTo(new Sent("/user/student1/queue/results", envelope));
        }

        @Test
        void shouldRefuseADestinationThatIsNeitherATopicNorPersonal() {
            ReliableMessaging messaging = messaging();

            for (String destination : List.of("/queue/results", "/app/replay", "/user/queue/results",
                    "/user/student1/topic/x", "/topic/")) {
                assertThatIllegalArgumentException().as(destination)
                        .isThrownBy(() -> messaging.publish(destination, new Tick(1)));
            }
            assertThat(sent).isEmpty();
        }
    }

    @Nested
    class Replaying {

        @Test
        void shouldReplayOnlyWhatFollowsTheLastSeqInOrder() {
            ReliableMessaging messaging = messaging();
            for (int n = 1; n <= 5; n++) {
                messaging.publish("/user/student1/queue/results", new Tick(n));
            }

            ReplayResponse<JsonNode> reply = messaging.replay(STUDENT, new ReplayRequest("/user/queue/results", 2));

            assertThat(reply.outcome()).isEqualTo(ReplayOutcome.REPLAYED);
            assertThat(reply.latestSeq()).isEqualTo(5);
            assertThat(reply.messages()).extracting(Sequenced::seq).containsExactly(3L, 4L, 5L);
            assertThat(reply.messages()).extracting(message -> message.payload().get("n").asInt())
                    .containsExactly(3, 4, 5);
            assertThat(reply.messages()).extracting(Sequenced::destination).containsOnly("/user/queue/results");
        }

        @Test
        void shouldAskForAReloadWhenMessagesAfterTheLastSeqAreNoLongerKept() {
            ReliableMessaging messaging = messaging();
            for (int n = 1; n <= 5; n++) {
                messaging.publish("/topic/system", new Tick(n));
            }

            ReplayResponse<JsonNode> reply = messaging.replay(STUDENT, new ReplayRequest("/topic/system", 1));

            assertThat(reply.outcome()).isEqualTo(ReplayOutcome.RELOAD);
            assertThat(reply.reload()).isTrue();
            assertThat(reply.latestSeq()).isEqualTo(5);
            assertThat(reply.messages()).isEmpty();
        }

        @Test
        void shouldAskForAReloadWhenTheMissedMessagesAreOlderThanTheAgeBound() {
            messaging().publish("/topic/system", new Tick(1));
            messaging().publish("/topic/system", new Tick(2));
            clock = Clock.offset(clock, Duration.ofMinutes(16));

            ReplayResponse<JsonNode> behind = messaging().replay(STUDENT, new ReplayRequest("/topic/system", 1));
            ReplayResponse<JsonNode> upToDate = messaging().replay(STUDENT, new ReplayRequest("/topic/system", 2));

            assertThat(behind.outcome()).isEqualTo(ReplayOutcome.RELOAD);
            assertThat(upToDate.outcome()).isEqualTo(ReplayOutcome.REPLAYED);
            assertThat(upToDate.messages()).isEmpty();
        }

        @Test
        void shouldAskForAReloadWhenTheClientIsAheadOfARestartedLog() {
            ReplayResponse<JsonNode> reply = messaging().replay(STUDENT, new ReplayRequest("/topic/system", 7));

            assertThat(reply.outcome()).isEqualTo(ReplayOutcome.RELOAD);
            assertThat(reply.latestSeq()).isZero();
        }

        @Test
        void shouldRejectWhatTheDefaultAccessDoesNotAllow() {
            ReliableMessaging messaging = messaging();
            messaging.publish("/topic/courses/1/students", new Tick(1));

            for (ReplayRequest request : List.of(new ReplayRequest("/topic/courses/1/students", 0),
                    new ReplayRequest("/user/student2/queue/results", 0), new ReplayRequest("/queue/results", 0),
                    new ReplayRequest(null, 0), new ReplayRequest("/topic/system", -1))) {
                ReplayResponse<JsonNode> reply = messaging.replay(STUDENT, request);
                assertThat(reply.outcome()).as(request.toString()).isEqualTo(ReplayOutcome.REJECTED);
                assertThat(reply.messages()).as(request.toString()).isEmpty();
            }
        }

        @Test
        void shouldReplayExactlyWhatTheReplayAccessAllows() {
            access = (caller, destination) -> destination.equals("/topic/courses/1/students");
            ReliableMessaging messaging = messaging();
            messaging.publish("/topic/courses/1/students", new Tick(1));

            ReplayResponse<JsonNode> course = messaging.replay(STUDENT,
                    new ReplayRequest("/topic/courses/1/students", 0));
            ReplayResponse<JsonNode> system = messaging.replay(STUDENT, new ReplayRequest("/topic/system", 0));

            assertThat(course.outcome()).isEqualTo(ReplayOutcome.REPLAYED);
            assertThat(course.messages()).hasSize(1);
            assertThat(system.outcome()).isEqualTo(ReplayOutcome.REJECTED);
        }
    }
}
