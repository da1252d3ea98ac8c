package org.lectern.shared.settings;

import java.util.Arrays;
import java.util.Optional;

/**
 * The cluster-wide settings an operator changes once for every node, kept in
 * {@link org.lectern.shared.cluster.ClusterStructures#CLUSTER_SETTINGS} under {@link #key()}. Each says which
 * values it takes ({@link #problemWith}), so console and nodes refuse the same ones.
 */
public enum ClusterSetting {
    /** Whether students may upload files ("true"/"false"). */
    FILE_UPLOADS_ENABLED("feature.file-uploads", "true"),
    /** Seconds between a browser's exam autosaves (5..3600). */
    AUTOSAVE_INTERVAL_SECONDS("exam.autosave-interval-seconds", "30"),
    /** A banner every page shows; empty for none (at most 500 characters, one line). */
    ANNOUNCEMENT_BANNER("announcement.banner", ""),
    /** Saves one user may make per minute on one node (1..10000). */
    SAVES_PER_MINUTE("rate-limit.saves-per-minute", "120");

    /** The longest announcement banner. */
    public static final int MAX_BANNER_LENGTH = 500;

    private final String key;
    private final String defaultValue;

    ClusterSetting(String key, String defaultValue) {
        this.key = key;
        this.defaultValue = defaultValue;
    }

    public String key() {
        return key;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public static Optional<ClusterSetting> byKey(String key) {
        return Arrays.stream(values()).filter(setting -> setting.key.equals(key)).findFirst();
    }

    /** Why {@code value} is not a valid value of this setting, or empty when it is. */
    public Optional<String> problemWith(String value) {
        if (value == null) {
            return Optional.of(key + " needs a value");
        }
        return switch (this) {
            case FILE_UPLOADS_ENABLED -> value.equals("true") || value.equals("false")
                    ? Optional.empty()
                    : Optional.of(key + " is true or false, not '" + value + "'");
            case AUTOSAVE_INTERVAL_SECONDS -> outsideRange(value, 5, 3600);
            case SAVES_PER_MINUTE -> outsideRange(value, 1, 10_000);
            case ANNOUNCEMENT_BANNER -> value.length() > MAX_BANNER_LENGTH
                    ? Optional.of(key + " is at most " + MAX_BANNER_LENGTH + " characters")
                    : value.chars().anyMatch(Character::isISOControl)
                            ? Optional.of(key + " is one line without control characters")
                            : Optional.empty();
        };
    }

    private Optional<String> outsideRange(String value, int min, int max) {
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return Optional.empty();
            }
        } catch (NumberFormatException notANumber) {
            // answered below, like a number out of range
        }
        return Optional.of(key + " is a whole number from " + min + " to " + max + ", not '" + value + "'");
    }
}
