package org.lectern.node.settings;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.lectern.node.cluster.ClusterEvents;
import org.lectern.node.cluster.ClusterSettingsStore;
import org.lectern.node.messaging.LiveEvents;
import org.lectern.shared.cluster.ClusterEventKind;
import org.lectern.shared.cluster.EventSeverity;
import org.lectern.shared.settings.ClusterSetting;
import org.lectern.shared.settings.SettingsView;
import org.lectern.shared.topics.Destinations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The cluster-wide settings as this node applies them. An operator changes one once ({@link #change}); the change is
 * stored in the database (it outlives a restart of the whole cluster) and in the cluster's settings map, from which
 * every node applies it, and browsers hear of it on {@link Destinations#SETTINGS}. A node that starts takes the
 * cluster's current values, and the first node of a restarted cluster puts the stored ones back.
 */
@Service
public class ClusterSettings implements SmartInitializingSingleton {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterSettings.class);

    private final ClusterSettingsStore store;
    private final StoredSettingRepository stored;
    private final LiveEvents live;
    private final ClusterEvents events;
    private final Clock clock;
    private final Map<ClusterSetting, String> current = new ConcurrentHashMap<>();
    private final List<Consumer<ClusterSetting>> listeners = new CopyOnWriteArrayList<>();

    ClusterSettings(ClusterSettingsStore store, StoredSettingRepository stored, LiveEvents live, ClusterEvents events,
            Clock clock) {
        this.store = store;
        this.stored = stored;
        this.live = live;
        this.events = events;
        this.clock = clock;
        for (ClusterSetting setting : ClusterSetting.values()) {
            current.put(setting, setting.defaultValue());
        }
    }

    /** Before the node serves: listen first, so that no change falls between restoring and reading. */
    @Override
    public void afterSingletonsInstantiated() {
        store.onChange(this::apply);
        for (StoredSetting setting : stored.findAll()) {
            store.putIfAbsent(setting.key(), setting.value());
        }
        store.all().forEach(this::apply);
    }

    public String value(ClusterSetting setting) {
        return current.get(setting);
    }

    public boolean fileUploadsEnabled() {
        return Boolean.parseBoolean(value(ClusterSetting.FILE_UPLOADS_ENABLED));
    }

    public int savesPerMinute() {
        return Integer.parseInt(value(ClusterSetting.SAVES_PER_MINUTE));
    }

    /** Every setting's current value, by key. */
    public Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        for (ClusterSetting setting : ClusterSetting.values()) {
            values.put(setting.key(), value(setting));
        }
        return values;
    }

    /** Calls {@code listener} after this node applied a new value of a setting. */
    public void onChange(Consumer<ClusterSetting> listener) {
        listeners.add(listener);
    }

    /**
     * Changes a setting for every node, now and after restarts.
     *
     * @throws IllegalArgumentException when the value is not valid for the setting; nothing changed then
     */
    @Transactional
    public void change(ClusterSetting setting, String value, String changedBy) {
        setting.problemWith(value).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        String previous = value(setting);
        long now = clock.millis();
        // Flushed first: the cluster sees the value only once the database has taken it.
        stored.saveAndFlush(new StoredSetting(setting.key(), value, clock.instant(), changedBy));
        store.put(setting.key(), value);
        apply(setting.key(), value);
        live.publishAfterCommit(Destinations.SETTINGS, new SettingsView(values(), setting.key(), now));
        events.publish(ClusterEventKind.SETTING_CHANGED, EventSeverity.INFO, "Setting " + setting.key()
                + " changed from '" + previous + "' to '" + value + "' by " + changedBy);
    }

    private void apply(String key, String value) {
        ClusterSetting.byKey(key).ifPresentOrElse(setting -> {
            if (setting.problemWith(value).isPresent()) {
                LOG.warn("Ignored the invalid value '{}' of cluster setting {}", value, key);
                return;
            }
            if (!value.equals(current.put(setting, value))) {
                LOG.info("Cluster setting {} is now '{}'", key, value);
                listeners.forEach(listener -> listener.accept(setting));
            }
        }, () -> LOG.warn("Ignored the unknown cluster setting {}", key));
    }
}
