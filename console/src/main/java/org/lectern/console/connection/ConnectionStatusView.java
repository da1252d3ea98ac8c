package org.lectern.console.connection;

import java.util.Locale;
import javafx.css.PseudoClass;
import javafx.scene.control.Button;
import org.controlsfx.control.StatusBar;

/** The status bar: what the connection is doing, and a way to connect elsewhere. */
public final class ConnectionStatusView extends StatusBar {

    public ConnectionStatusView(ConnectionStatusViewModel viewModel, Runnable chooseCluster) {
        setId("connection-status");
        getStyleClass().add("connection-status");
        textProperty().bind(viewModel.statusTextProperty());
        viewModel.stateProperty().addListener((observable, before, after) -> showState(after));
        showState(viewModel.stateProperty().get());

        Button connect = new Button("Connect…");
        connect.setId("connect-button");
        connect.setOnAction(event -> chooseCluster.run());
        getRightItems().add(connect);
    }

    private void showState(ConnectionState current) {
        for (ConnectionState state : ConnectionState.values()) {
            pseudoClassStateChanged(pseudoClass(state), state == current);
        }
    }

    private static PseudoClass pseudoClass(ConnectionState state) {
        return PseudoClass.getPseudoClass(state.name().toLowerCase(Locale.ROOT));
    }
}
