package org.lectern.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The API form of the set check: one student's saves of one exercise against the latest version shown. */
class SetCheckTest {

    private static final String LOGIN = Setup.login(7);

    private final SaveLedger ledger = new SaveLedger("btest");
    private final List<String> examples = new ArrayList<>();
    private final long[] figures = new long[5];

    private List<SaveLedger.Save> saves(int count, int acknowledged) {
        List<SaveLedger.Save> saves = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            SaveLedger.Save save = ledger.exam(7, 11, n);
            if (n <= acknowledged) {
                ledger.ack(save.key(), new SaveLedger.Ack(100 + n, n, false));
            }
            saves.add(save);
        }
        return saves;
    }

    private static JsonNode latest(int version, String content) {
        return Api.JSON.createObjectNode().put("version", version).put("content", content);
    }

    @Nested
    class Clean {

        @Test
        void shouldConfirmEveryAcknowledgedSaveWhenTheLatestVersionIsTheLastOneSent() {
            SetCheck.compare(ledger, LOGIN, saves(3, 3), latest(3, SaveLedger.content(LOGIN, 3)), figures, examples);

            assertThat(figures).containsExactly(3, 3, 0, 0, 0);
            assertThat(examples).isEmpty();
        }

        @Test
        void shouldAcceptAnUnacknowledgedSaveThatLandedWhenItsContentIsOurs() {
            SetCheck.compare(ledger, LOGIN, saves(3, 2), latest(3, SaveLedger.content(LOGIN, 3)), figures, examples);

            assertThat(figures).containsExactly(2, 2, 0, 0, 0);
        }
    }

    @Nested
    class Faults {

        @Test
        void shouldCountAcknowledgedSavesAboveTheStoredVersionAsLost() {
            SetCheck.compare(ledger, LOGIN, saves(3, 3), latest(1, SaveLedger.content(LOGIN, 1)), figures, examples);

            assertThat(figures).containsExactly(3, 1, 2, 0, 0);
            assertThat(examples).first().asString().startsWith("lost btest-7-2");
        }

        @Test
        void shouldCountEverySaveAsLostWhenNothingIsStored() {
            SetCheck.compare(ledger, LOGIN, saves(2, 2), null, figures, examples);

            assertThat(figures).containsExactly(2, 0, 2, 0, 0);
        }

        @Test
        void shouldCountVersionsBeyondTheSavesSentAsDuplicated() {
            SetCheck.compare(ledger, LOGIN, saves(2, 2), latest(4, SaveLedger.content(LOGIN, 2)), figures, examples);

            assertThat(figures[4]).isEqualTo(2);
        }

        @Test
        void shouldCountContentNoStudentSentAsUnexpected() {
            SetCheck.compare(ledger, LOGIN, saves(2, 2), latest(2, "something else"), figures, examples);

            assertThat(figures).containsExactly(2, 2, 0, 1, 0);
        }
    }

    @Nested
    class WaitingForTheFlush {

        private static final Duration NO_SETTLE = Duration.ZERO;
        private static final Duration POLL = Duration.ofMillis(1);

        private static Map<String, NodeSampler.Sample> lags(long... millis) {
            Map<String, NodeSampler.Sample> sample = new LinkedHashMap<>();
            for (int i = 0; i < millis.length; i++) {
                sample.put("node-" + (i + 1), new NodeSampler.Sample("node-" + (i + 1), "READY", 10, 0.1, 1, 2, false,
                        millis[i]));
            }
            return sample;
        }

        @Test
        void shouldWaitUntilNoNodeHoldsASaveOutsideTheDatabase() throws InterruptedException {
            Iterator<Map<String, NodeSampler.Sample>> reports = List.of(lags(2_500, 0), lags(900, 0), lags(0, 0))
                    .iterator();

            SetCheck.Flush flush = SetCheck.awaitFlush(reports::next, 7_000, NO_SETTLE, Duration.ofSeconds(10), POLL);

            assertThat(flush.drained()).isTrue();
            assertThat(flush.maxLagDuringRunSeconds()).isEqualTo(7.0);
            assertThat(flush.lagAtHandInSeconds()).isEqualTo(2.5);
            assertThat(reports).isExhausted();
            assertThat(flush.line()).startsWith("flush lag max 7.0 s during the run, 2.5 s at the hand-in; waited ");
        }

        @Test
        void shouldGiveUpAtTheTimeOutWhenANodeStaysBehind() throws InterruptedException {
            SetCheck.Flush flush = SetCheck.awaitFlush(() -> lags(0, 60_000), 60_000, NO_SETTLE,
                    Duration.ofMillis(50), POLL);

            assertThat(flush.drained()).isFalse();
            assertThat(flush.line()).endsWith("(the nodes did not report them all there)");
        }

        @Test
        void shouldNotWaitWhenTheNodesDoNotReportTheirLag() throws InterruptedException {
            SetCheck.Flush flush = SetCheck.awaitFlush(() -> lags(-1, 0), -1, NO_SETTLE, Duration.ofSeconds(10),
                    POLL);

            assertThat(flush.drained()).isFalse();
            assertThat(flush.lagAtHandInSeconds()).isEqualTo(-1);
            assertThat(flush.line()).startsWith("flush lag not reported by the nodes");
        }

        @Test
        void shouldNotTrustAZeroReportedBeforeTheNodesCouldHaveSeenTheLastSaves() throws InterruptedException {
            AtomicInteger asked = new AtomicInteger();

            SetCheck.Flush flush = SetCheck.awaitFlush(() -> {
                asked.incrementAndGet();
                return lags(0);
            }, 0, Duration.ofMillis(30), Duration.ofSeconds(10), POLL);

            assertThat(flush.drained()).isTrue();
            assertThat(asked.get()).isGreaterThan(1);
        }
    }
}
