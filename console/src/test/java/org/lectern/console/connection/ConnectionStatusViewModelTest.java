package org.lectern.console.connection;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.beans.property.SimpleIntegerProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ConnectionStatusViewModelTest {

    private final SimpleIntegerProperty memberCount = new SimpleIntegerProperty();
    private final ConnectionStatusViewModel viewModel = new ConnectionStatusViewModel(memberCount);
    private final ConnectionSettings lectern = ConnectionSettings.parse("127.0.0.1:5701", "lectern");

    @Test
    void shouldSayNotConnectedWhenNothingWasChosen() {
        assertThat(viewModel.statusTextProperty().get()).isEqualTo("Not connected");
        assertThat(viewModel.connectedProperty().get()).isFalse();
    }

    @Nested
    class PerState {

        @BeforeEach
        void chooseCluster() {
            viewModel.connecting(lectern);
        }

        @Test
        void shouldSayConnectingWhenClientIsBeingCreated() {
            assertThat(viewModel.statusTextProperty().get()).isEqualTo("Connecting to lectern at 127.0.0.1:5701…");
            assertThat(viewModel.stateProperty().get()).isEqualTo(ConnectionState.CONNECTING);
        }

        @Test
        void shouldSayConnectedWithMemberCountWhenConnected() {
            memberCount.set(2);

            viewModel.stateChanged(ConnectionState.CONNECTED);

            assertThat(viewModel.statusTextProperty().get()).isEqualTo("Connected to lectern at 127.0.0.1:5701 — 2 members");
            assertThat(viewModel.connectedProperty().get()).isTrue();
        }

        @Test
        void shouldFollowMemberCountWhenItChangesWhileConnected() {
            viewModel.stateChanged(ConnectionState.CONNECTED);

            memberCount.set(1);

            assertThat(viewModel.statusTextProperty().get()).endsWith("— 1 member");
        }

        @Test
        void shouldSayReconnectingWhenClusterWasLost() {
            viewModel.stateChanged(ConnectionState.CONNECTED);

            viewModel.stateChanged(ConnectionState.RECONNECTING);

            assertThat(viewModel.statusTextProperty().get()).isEqualTo("Reconnecting to lectern at 127.0.0.1:5701… "
                    + "(the client retries by itself, waiting 0.5 s doubling to 5 s between attempts)");
            assertThat(viewModel.connectedProperty().get()).isFalse();
        }

        @Test
        void shouldSayDisconnectedWhenClientWasShutDown() {
            viewModel.stateChanged(ConnectionState.DISCONNECTED);

            assertThat(viewModel.statusTextProperty().get()).isEqualTo("Disconnected from lectern at 127.0.0.1:5701");
        }

        @Test
        void shouldShowReasonWhenClientCouldNotBeCreated() {
            viewModel.connectFailed(new IllegalStateException("boom"));

            assertThat(viewModel.statusTextProperty().get()).isEqualTo("Could not connect to lectern at 127.0.0.1:5701: boom");
            assertThat(viewModel.stateProperty().get()).isEqualTo(ConnectionState.DISCONNECTED);
        }

        @Test
        void shouldForgetFailureWhenConnectingAgain() {
            viewModel.connectFailed(new IllegalStateException("boom"));

            viewModel.connecting(lectern);

            assertThat(viewModel.statusTextProperty().get()).startsWith("Connecting to");
        }
    }
}
