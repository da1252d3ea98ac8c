package org.lectern.console.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Runs against real user preferences; the build points {@code java.util.prefs.userRoot} into target/. */
class WindowLayoutTest {

    private final Preferences node = Preferences.userRoot().node("lectern-layout-" + UUID.randomUUID());

    @AfterEach
    void removeNode() throws BackingStoreException {
        node.removeNode();
    }

    @Test
    void shouldUseDefaultsWhenNothingWasSaved() {
        assertThat(WindowLayout.load(node)).isEqualTo(WindowLayout.DEFAULT);
        assertThat(WindowLayout.DEFAULT.placed()).isFalse();
    }

    @Test
    void shouldRestoreWhatWasSaved() {
        WindowLayout layout = new WindowLayout(10, 20, 1000, 700, true, 3, Theme.DARK);

        layout.save(node);

        assertThat(WindowLayout.load(node)).isEqualTo(layout);
    }

    @Test
    void shouldFallBackToLightThemeWhenStoredThemeIsUnknown() {
        node.put("theme", "PURPLE");

        assertThat(WindowLayout.load(node).theme()).isEqualTo(Theme.LIGHT);
    }
}
