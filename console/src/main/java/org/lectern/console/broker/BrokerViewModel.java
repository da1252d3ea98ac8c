package org.lectern.console.broker;

import java.util.Locale;
import java.util.Map;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.lectern.console.ui.BackgroundExecutor;
import org.lectern.shared.cluster.ClusterStructures;

/**
 * The broker over JMX: its address comes from the cluster's published configuration unless the operator typed
 * another one; the password is typed (never published).
 */
public final class BrokerViewModel {

    private final BrokerProbe probe;
    private final BackgroundExecutor background;
    private final StringProperty jmxUrl = new SimpleStringProperty(this, "jmxUrl", "");
    private final StringProperty user = new SimpleStringProperty(this, "user", "");
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final ReadOnlyStringWrapper overview = new ReadOnlyStringWrapper(this, "overview", "Broker not read yet");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyObjectWrapper<BrokerSnapshot> snapshot = new ReadOnlyObjectWrapper<>(this, "snapshot");
    private final ObservableList<QueueRow> queues = FXCollections.observableArrayList();
    private final ObservableList<AddressRow> addresses = FXCollections.observableArrayList();
    private boolean overridden;
    private boolean fetching;

    public BrokerViewModel(BrokerProbe probe, BackgroundExecutor background) {
        this.probe = probe;
        this.background = background;
        jmxUrl.addListener((observable, before, after) -> overridden = true);
    }

    /** The JMX service URL; typing one overrides what the cluster publishes. */
    public StringProperty jmxUrlProperty() {
        return jmxUrl;
    }

    public StringProperty userProperty() {
        return user;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    /** Version, uptime, HA role, connections, memory. */
    public ReadOnlyStringProperty overviewProperty() {
        return overview.getReadOnlyProperty();
    }

    /** Why the broker could not be read; empty when it was. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The latest reading; null until one succeeded. */
    public ReadOnlyObjectProperty<BrokerSnapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    public ObservableList<QueueRow> queues() {
        return FXCollections.unmodifiableObservableList(queues);
    }

    public ObservableList<AddressRow> addresses() {
        return FXCollections.unmodifiableObservableList(addresses);
    }

    /** The cluster's published configuration arrived: fills URL and user unless the operator chose others. */
    public void published(Map<String, String> config) {
        if (!overridden) {
            jmxUrl.set(config.getOrDefault(ClusterStructures.BROKER_JMX_URL, ""));
            overridden = false;
        }
        if (user.get().isEmpty()) {
            user.set(config.getOrDefault(ClusterStructures.BROKER_JMX_USER, ""));
        }
    }

    public void refresh() {
        String url = jmxUrl.get();
        if (fetching) {
            return;
        }
        if (url == null || url.isBlank()) {
            problem.set("No broker JMX address: the nodes publish none; type one above");
            return;
        }
        fetching = true;
        background.run(() -> probe.read(url, user.get(), password.get()), snapshot -> {
            fetching = false;
            apply(snapshot);
        }, failure -> {
            fetching = false;
            problem.set("Cannot read the broker at " + url + ": " + failure.getMessage());
        });
    }

    void apply(BrokerSnapshot snapshot) {
        problem.set("");
        this.snapshot.set(snapshot);
        String memory = snapshot.memoryMaxBytes() > 0
                ? String.format(Locale.ROOT, "%d of %d MiB (%.0f %%)", snapshot.memoryUsedBytes() >> 20,
                        snapshot.memoryMaxBytes() >> 20, 100.0 * snapshot.memoryUsedBytes() / snapshot.memoryMaxBytes())
                : (snapshot.memoryUsedBytes() >> 20) + " MiB";
        long paging = snapshot.addresses().stream().filter(AddressRow::paging).count();
        overview.set("Artemis " + snapshot.version() + " (" + snapshot.name() + "), up " + snapshot.uptime()
                + " — " + (snapshot.backup() ? "backup" : "live") + (snapshot.replicaSync() ? ", replica in sync" : "")
                + " — " + snapshot.connections() + " connections — memory " + memory
                + (paging > 0 ? " — " + paging + " addresses PAGING" : ""));
        if (!snapshot.queues().equals(queues)) {
            queues.setAll(snapshot.queues());
        }
        if (!snapshot.addresses().equals(addresses)) {
            addresses.setAll(snapshot.addresses());
        }
    }
}
