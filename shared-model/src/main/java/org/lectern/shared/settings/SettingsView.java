package org.lectern.shared.settings;

import java.util.Map;

/**
 * The cluster-wide settings as browsers see them: {@code GET /api/settings} and the topic
 * {@link org.lectern.shared.topics.Destinations#SETTINGS}.
 *
 * @param values         every {@link ClusterSetting#key()} with its current value
 * @param changedKey     the setting whose change this message reports; empty when it reports no change
 * @param changedAtMillis when that setting changed, epoch milliseconds; 0 when it reports no change
 */
public record SettingsView(Map<String, String> values, String changedKey, long changedAtMillis) {

    public SettingsView {
        values = Map.copyOf(values);
    }
}
