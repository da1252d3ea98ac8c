package org.lectern.console.connection;

import javafx.css.PseudoClass;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.util.StringConverter;

/** Asks which cluster to join. Binds to a {@link ConnectionViewModel}; the result is what the operator chose. */
public final class ConnectionDialog extends Dialog<ConnectionSettings> {

    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");

    public ConnectionDialog(ConnectionViewModel viewModel, String stylesheet) {
        setTitle("Connect to a Lectern cluster");
        setHeaderText("Which cluster should the console join?");
        getDialogPane().getStylesheets().add(stylesheet);
        getDialogPane().getStyleClass().add("connection-dialog");

        ComboBox<ConnectionSettings> recent = new ComboBox<>(viewModel.recentConnections());
        recent.setId("recent-clusters");
        recent.setPromptText(viewModel.recentConnections().isEmpty() ? "No recent clusters" : "Recent clusters");
        recent.setMaxWidth(Double.MAX_VALUE);
        recent.setConverter(new StringConverter<>() {
            @Override
            public String toString(ConnectionSettings settings) {
                return settings == null ? "" : settings.describe();
            }

            @Override
            public ConnectionSettings fromString(String text) {
                throw new UnsupportedOperationException("The list is not editable");
            }
        });
        recent.valueProperty().addListener((observable, before, chosen) -> {
            if (chosen != null) {
                viewModel.use(chosen);
            }
        });

        TextField addresses = new TextField();
        addresses.setId("addresses");
        addresses.setPromptText("host:port, host:port");
        addresses.textProperty().bindBidirectional(viewModel.addressesProperty());

        TextField clusterName = new TextField();
        clusterName.setId("cluster-name");
        clusterName.textProperty().bindBidirectional(viewModel.clusterNameProperty());

        TextField operator = new TextField();
        operator.setId("operator");
        operator.textProperty().bindBidirectional(viewModel.operatorProperty());
        TextField credentialFile = new TextField();
        credentialFile.setId("credential-file");
        credentialFile.setPromptText("path of the operator credential file");
        credentialFile.textProperty().bindBidirectional(viewModel.credentialFileProperty());
        PasswordField credentialSecret = new PasswordField();
        credentialSecret.setId("credential-secret");
        credentialSecret.setPromptText("or paste the secret (kept in memory only)");
        credentialSecret.textProperty().bindBidirectional(viewModel.credentialSecretProperty());

        Label validation = new Label();
        validation.setId("validation-message");
        validation.getStyleClass().add("validation-message");
        validation.textProperty().bind(viewModel.validationMessageProperty());
        viewModel.validProperty().addListener((observable, before, valid) -> validation.pseudoClassStateChanged(INVALID, !valid));
        validation.pseudoClassStateChanged(INVALID, !viewModel.validProperty().get());

        GridPane form = new GridPane();
        form.getStyleClass().add("connection-form");
        form.addRow(0, new Label("Recent"), recent);
        form.addRow(1, new Label("Addresses"), addresses);
        form.addRow(2, new Label("Cluster name"), clusterName);
        form.addRow(3, new Label("Operator"), operator);
        form.addRow(4, new Label("Credential file"), credentialFile);
        form.addRow(5, new Label("Secret"), credentialSecret);
        form.add(new Label("Without a credential the console only watches."), 1, 6);
        form.add(validation, 1, 7);
        getDialogPane().setContent(form);

        ButtonType connect = new ButtonType("Connect", ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(connect, ButtonType.CANCEL);
        getDialogPane().lookupButton(connect).disableProperty().bind(viewModel.validProperty().not());
        setResultConverter(button -> button == connect ? viewModel.connect().orElse(null) : null);
        setOnShown(event -> addresses.requestFocus());
    }
}
