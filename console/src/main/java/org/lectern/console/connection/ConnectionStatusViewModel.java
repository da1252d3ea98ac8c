package org.lectern.console.connection;

import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableIntegerValue;

/** What the status bar says about the connection. Fed on the FX thread. */
public final class ConnectionStatusViewModel {

    private final ObservableIntegerValue memberCount;
    private final ReadOnlyObjectWrapper<ConnectionState> state =
            new ReadOnlyObjectWrapper<>(this, "state", ConnectionState.DISCONNECTED);
    private final ReadOnlyObjectWrapper<ConnectionSettings> settings = new ReadOnlyObjectWrapper<>(this, "settings");
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper(this, "failure");
    private final ReadOnlyBooleanWrapper connected = new ReadOnlyBooleanWrapper(this, "connected");
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper(this, "statusText");

    /** @param memberCount how many members the cluster has, as last seen */
    public ConnectionStatusViewModel(ObservableIntegerValue memberCount) {
        this.memberCount = memberCount;
        connected.bind(state.isEqualTo(ConnectionState.CONNECTED));
        statusText.bind(Bindings.createStringBinding(this::describe, state, settings, failure, memberCount));
    }

    public ReadOnlyObjectProperty<ConnectionState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty connectedProperty() {
        return connected.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusTextProperty() {
        return statusText.getReadOnlyProperty();
    }

    /** The operator asked for {@code target}; the client is being set up. */
    public void connecting(ConnectionSettings target) {
        failure.set(null);
        settings.set(target);
        state.set(ConnectionState.CONNECTING);
    }

    public void stateChanged(ConnectionState newState) {
        failure.set(null);
        state.set(newState);
    }

    /** The client could not even be created, e.g. because the settings were rejected. */
    public void connectFailed(Throwable cause) {
        state.set(ConnectionState.DISCONNECTED);
        failure.set(Optional.ofNullable(cause.getMessage()).orElse(cause.getClass().getSimpleName()));
    }

    private String describe() {
        ConnectionSettings target = settings.get();
        if (target == null) {
            return "Not connected";
        }
        if (failure.get() != null) {
            return "Could not connect to " + target.describe() + ": " + failure.get();
        }
        return switch (state.get()) {
            case DISCONNECTED -> "Disconnected from " + target.describe();
            case CONNECTING -> "Connecting to " + target.describe() + "…";
            case CONNECTED -> "Connected to " + target.describe() + " — " + members(memberCount.get());
            case RECONNECTING -> "Reconnecting to " + target.describe() + "… (the client retries by itself, "
                    + "waiting 0.5 s doubling to 5 s between attempts)";
        };
    }

    private static String members(int count) {
        return count == 1 ? "1 member" : count + " members";
    }
}
