package org.lectern.shared.settings;

import java.util.Arrays;
import java.util.Optional;

/**
 * The cluster-wide settings an operator changes once for every node, kept in
 * {@link org.lectern.shared.cluster.ClusterStructures#CLUSTER_SETTINGS} under {@link #key()}.
 */
public enum ClusterSetting {
    /** Whether students may upload files ("true"/"false"). */
    FILE_UPLOADS_ENABLED("feature.file-uploads", "true"),
    /** Seconds between a browser's exam autosaves. */
    AUTOSAVE_INTERVAL_SECONDS("exam.autosave-interval-seconds", "30"),
    /** A banner every page shows; empty for none. */
    ANNOUNCEMENT_BANNER("announcement.banner", ""),
    /** Saves one user may make per minute. */
    SAVES_PER_MINUTE("rate-limit.saves-per-minute", "120");

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
}
