package org.lectern.console.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Runs against real user preferences; the build points {@code java.util.prefs.userRoot} into target/. */
class PreferencesConnectionHistoryTest {

    private final Preferences node = Preferences.userRoot().node("lectern-test-" + UUID.randomUUID());
    private final PreferencesConnectionHistory history = new PreferencesConnectionHistory(node);

    @AfterEach
    void removeNode() throws BackingStoreException {
        node.removeNode();
    }

    @Test
    void shouldBeEmptyWhenNothingWasRemembered() {
        assertThat(history.recent()).isEmpty();
    }

    @Test
    void shouldListNewestFirstWhenSeveralWereRemembered() {
        ConnectionSettings first = ConnectionSettings.parse("10.0.0.1:5701", "a");
        ConnectionSettings second = ConnectionSettings.parse("10.0.0.2:5701, 10.0.0.3:5701", "b");

        history.remember(first);
        history.remember(second);

        assertThat(new PreferencesConnectionHistory(node).recent()).containsExactly(second, first);
    }

    @Test
    void shouldMoveToTopWithoutDuplicateWhenRememberedAgain() {
        ConnectionSettings first = ConnectionSettings.parse("10.0.0.1:5701", "a");
        ConnectionSettings second = ConnectionSettings.parse("10.0.0.2:5701", "b");
        history.remember(first);
        history.remember(second);

        history.remember(first);

        assertThat(history.recent()).containsExactly(first, second);
    }

    @Test
    void shouldKeepOnlyTheNewestWhenMoreThanTheLimitWereRemembered() {
        for (int i = 0; i < PreferencesConnectionHistory.LIMIT + 3; i++) {
            history.remember(ConnectionSettings.parse("10.0.0." + i + ":5701", "cluster-" + i));
        }

        assertThat(history.recent())
                .hasSize(PreferencesConnectionHistory.LIMIT)
                .first().extracting(ConnectionSettings::clusterName).isEqualTo("cluster-" + (PreferencesConnectionHistory.LIMIT + 2));
    }

    @Test
    void shouldSkipEntryWhenItCannotBeRead() {
        node.put("recent.0", "no separator here");
        node.put("recent.1", "b|10.0.0.2:5701");

        assertThat(history.recent()).containsExactly(ConnectionSettings.parse("10.0.0.2:5701", "b"));
    }
}
