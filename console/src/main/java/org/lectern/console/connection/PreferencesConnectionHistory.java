package org.lectern.console.connection;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Keeps the recent clusters in the user's {@link Preferences}, so the dialog offers them after a restart. */
public final class PreferencesConnectionHistory implements ConnectionHistory {

    static final int LIMIT = 8;

    private static final Logger LOG = LoggerFactory.getLogger(PreferencesConnectionHistory.class);
    private static final String KEY_PREFIX = "recent.";
    /** Separates cluster name from addresses; neither may contain it (addresses are host:port, names are ours). */
    private static final String SEPARATOR = "|";

    private final Preferences preferences;

    public PreferencesConnectionHistory(Preferences preferences) {
        this.preferences = preferences;
    }

    @Override
    public List<ConnectionSettings> recent() {
        List<ConnectionSettings> recent = new ArrayList<>();
        for (int i = 0; i < LIMIT; i++) {
            String stored = preferences.get(KEY_PREFIX + i, null);
            if (stored != null) {
                decode(stored).ifPresent(recent::add);
            }
        }
        return List.copyOf(recent);
    }

    @Override
    public void remember(ConnectionSettings settings) {
        List<ConnectionSettings> recent = new ArrayList<>(recent());
        recent.remove(settings);
        recent.add(0, settings);
        for (int i = 0; i < LIMIT; i++) {
            if (i < recent.size()) {
                preferences.put(KEY_PREFIX + i, encode(recent.get(i)));
            } else {
                preferences.remove(KEY_PREFIX + i);
            }
        }
        try {
            preferences.flush();
        } catch (BackingStoreException e) {
            // Losing the history is an inconvenience, not a reason to refuse the connection.
            LOG.warn("Could not save the recent clusters", e);
        }
    }

    private static String encode(ConnectionSettings settings) {
        return settings.clusterName() + SEPARATOR + String.join(",", settings.addresses());
    }

    private static Optional<ConnectionSettings> decode(String stored) {
        int separator = stored.indexOf(SEPARATOR);
        if (separator < 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(ConnectionSettings.parse(stored.substring(separator + 1), stored.substring(0, separator)));
        } catch (IllegalArgumentException unreadable) {
            // Written by hand or by another version: skip it rather than fail the dialog.
            return Optional.empty();
        }
    }
}
