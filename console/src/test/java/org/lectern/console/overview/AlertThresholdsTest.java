package org.lectern.console.overview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.UUID;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Runs against real user preferences; the build points {@code java.util.prefs.userRoot} into target/. */
class AlertThresholdsTest {

    private final Preferences node = Preferences.userRoot().node("lectern-alerts-" + UUID.randomUUID());

    @AfterEach
    void removeNode() throws BackingStoreException {
        node.removeNode();
    }

    @Test
    void shouldUseDefaultsWhenNothingWasSaved() {
        assertThat(AlertThresholds.load(node)).isEqualTo(AlertThresholds.DEFAULTS);
    }

    @Test
    void shouldRestoreWhatTheOperatorSet() {
        AlertThresholds chosen = new AlertThresholds(250, 70, 80, 0, 10, 50, 200, 60, false);

        chosen.save(node);

        assertThat(AlertThresholds.load(node)).isEqualTo(chosen);
    }

    @Test
    void shouldFallBackToDefaultsWhenTheStoredValuesMakeNoSense() {
        node.putInt("alert.heap-percent", 250);

        assertThat(AlertThresholds.load(node)).isEqualTo(AlertThresholds.DEFAULTS);
    }

    @Test
    void shouldSayWhichThresholdIsWrongWhenOutOfRange() {
        assertThatIllegalArgumentException().isThrownBy(() -> new AlertThresholds(0, 85, 90, 5, 30, 1, 1, 1, true))
                .withMessage("The save p95 threshold must be at least 1, was 0");
        assertThatIllegalArgumentException().isThrownBy(() -> new AlertThresholds(1, 85, 101, 5, 30, 1, 1, 1, true))
                .withMessage("The CPU threshold must be 1 to 100 %, was 101");
    }
}
