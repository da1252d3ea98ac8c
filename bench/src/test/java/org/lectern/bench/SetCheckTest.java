package org.lectern.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
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
}
