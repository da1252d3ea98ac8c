package org.lectern.console.connection;

import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State of the connection dialog: what the operator typed, whether it makes sense, and the recent clusters.
 * Prefilled with the most recent cluster, or the defaults when there is none.
 */
public final class ConnectionViewModel {

    private final ConnectionHistory history;
    private final StringProperty addresses = new SimpleStringProperty(this, "addresses", "");
    private final StringProperty clusterName = new SimpleStringProperty(this, "clusterName", "");
    private final ReadOnlyStringWrapper validationMessage = new ReadOnlyStringWrapper(this, "validationMessage", "");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid");
    private final ObservableList<ConnectionSettings> recent = FXCollections.observableArrayList();
    private final ObservableList<ConnectionSettings> recentView = FXCollections.unmodifiableObservableList(recent);

    public ConnectionViewModel(ConnectionHistory history) {
        this.history = history;
        recent.setAll(history.recent());
        addresses.addListener((observable, before, after) -> validate());
        clusterName.addListener((observable, before, after) -> validate());
        use(recent.isEmpty() ? ConnectionSettings.DEFAULTS : recent.get(0));
    }

    /** Member addresses as typed: {@code host:port}, separated by commas. */
    public StringProperty addressesProperty() {
        return addresses;
    }

    public StringProperty clusterNameProperty() {
        return clusterName;
    }

    /** Why the input cannot be used, or empty when it can. */
    public ReadOnlyStringProperty validationMessageProperty() {
        return validationMessage.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    public ObservableList<ConnectionSettings> recentConnections() {
        return recentView;
    }

    /** Fills the fields from a recent cluster, or from the command line. */
    public void use(ConnectionSettings settings) {
        addresses.set(settings.addressText());
        clusterName.set(settings.clusterName());
    }

    /** The settings to connect with, remembered for next time; empty when the input is not valid. */
    public Optional<ConnectionSettings> connect() {
        Optional<ConnectionSettings> settings = validate();
        settings.ifPresent(history::remember);
        return settings;
    }

    private Optional<ConnectionSettings> validate() {
        try {
            ConnectionSettings settings = ConnectionSettings.parse(addresses.get(), clusterName.get());
            validationMessage.set("");
            valid.set(true);
            return Optional.of(settings);
        } catch (IllegalArgumentException invalid) {
            validationMessage.set(invalid.getMessage());
            valid.set(false);
            return Optional.empty();
        }
    }
}
