package org.lectern.node.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.lectern.node.cluster.ReplayLog;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SequencedDeliveryTest {

    private static final String SYSTEM = "/topic/system";
    private static final String RESULTS = "/user/student1/queue/results";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MemoryReplayLog log = new MemoryReplayLog();
    private final List<Delivered> delivered = new ArrayList<>();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final Counter duplicates = meters.counter("duplicates");
    private final Counter gapFilled = meters.counter("gap-filled");
    private final SequencedDelivery delivery = new SequencedDelivery(log, JSON,
            (key, seq, payload) -> delivered.add(new Delivered(key, seq, JSON.readTree(payload))), duplicates,
            gapFilled);

    record Delivered(String key, Long seq, JsonNode body) {
    }

    /** Publishes {@code n} as a node would: appended to the log, answered with the live frame's body. */
    private byte[] publish(String key, int n) {
        long seq = log.append(key, "{\"n\":" + n + "}", 1_000L * n, 200, Duration.ofMinutes(15));
        String subscribed = ReliableMessaging.Target.published(key).subscribed();
        return ("{\"destination\":\"" + subscribed + "\",\"seq\":" + seq + ",\"sentAtMillis\":" + 1_000L * n
                + ",\"payload\":{\"n\":" + n + "}}").getBytes(StandardCharsets.UTF_8);
    }

    @Nested
    class Live {

        @Test
        void shouldDeliverEachNumberOnceInOrderWhenTheBrokerBringsItTwice() {
            delivery.follow(SYSTEM, delivery.baselineOf(SYSTEM));
            byte[] first = publish(SYSTEM, 1);
            byte[] second = publish(SYSTEM, 2);

            delivery.deliver(SYSTEM, 1L, first);
            delivery.deliver(SYSTEM, 2L, second);
            delivery.deliver(SYSTEM, 1L, first);

            assertThat(delivered).extracting(Delivered::seq).containsExactly(1L, 2L);
            assertThat(duplicates.count()).isEqualTo(1);
        }

        @Test
        void shouldFillAGapFromTheLogBeforeTheMessageAfterIt() {
            delivery.follow(RESULTS, delivery.baselineOf(RESULTS));
            byte[] first = publish(RESULTS, 1);
            publish(RESULTS, 2); // lost on the way
            byte[] third = publish(RESULTS, 3);

            delivery.deliver(RESULTS, 1L, first);
            delivery.deliver(RESULTS, 3L, third);

            assertThat(delivered).extracting(Delivered::seq).containsExactly(1L, 2L, 3L);
            Delivered filled = delivered.get(1);
            assertThat(filled.body().get("destination").asString()).isEqualTo("/user/queue/results");
            assertThat(filled.body().get("payload").get("n").asInt()).isEqualTo(2);
            assertThat(gapFilled.count()).isEqualTo(1);
        }

        @Test
        void shouldStartAfterWhatTheLogHeldWhenTheNodeBeganToFollow() {
            publish(SYSTEM, 1);
            publish(SYSTEM, 2);
            delivery.follow(SYSTEM, delivery.baselineOf(SYSTEM));

            delivery.deliver(SYSTEM, 3L, publish(SYSTEM, 3));

            assertThat(delivered).extracting(Delivered::seq).containsExactly(3L);
        }

        @Test
        void shouldHandOnADestinationItDoesNotFollowAsItComes() {
            delivery.deliver(SYSTEM, 5L, publish(SYSTEM, 5));
            delivery.deliver(SYSTEM, 5L, publish(SYSTEM, 5));

            assertThat(delivered).extracting(Delivered::seq).containsExactly(5L, 5L);
        }
    }

    @Nested
    class AfterTheBrokerWasAway {

        @Test
        void shouldDeliverWhatWasPublishedMeanwhileInOrderAndThenDropItsLateLiveCopies() {
            delivery.follow(SYSTEM, delivery.baselineOf(SYSTEM));
            delivery.follow(RESULTS, delivery.baselineOf(RESULTS));
            delivery.deliver(SYSTEM, 1L, publish(SYSTEM, 1));
            byte[] duringTheOutage = publish(SYSTEM, 2);
            publish(SYSTEM, 3);
            publish(RESULTS, 1);

            delivery.fillAll();
            delivery.deliver(SYSTEM, 2L, duringTheOutage);

            assertThat(delivered).extracting(d -> d.key() + "#" + d.seq())
                    .containsExactlyInAnyOrder(SYSTEM + "#1", SYSTEM + "#2", SYSTEM + "#3", RESULTS + "#1");
            assertThat(delivered).filteredOn(d -> d.key().equals(SYSTEM)).extracting(Delivered::seq)
                    .containsExactly(1L, 2L, 3L);
            assertThat(duplicates.count()).isEqualTo(1);
        }

        @Test
        void shouldForgetADestinationNoSessionFollowsAnyMore() {
            delivery.follow(SYSTEM, delivery.baselineOf(SYSTEM));
            delivery.unfollow(SYSTEM);
            publish(SYSTEM, 1);

            delivery.fillAll();

            assertThat(delivered).isEmpty();
        }
    }
}
