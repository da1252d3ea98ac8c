package org.lectern.console.balancer;

import java.util.Arrays;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import org.lectern.console.ui.Tables;

/** HAProxy's weights and states next to the nodes' own; the stats page's user and password above them. */
public final class BalancerView extends BorderPane {

    public BalancerView(BalancerViewModel viewModel) {
        TextField user = new TextField();
        user.setId("balancer-user");
        user.setPromptText("stats user");
        user.textProperty().bindBidirectional(viewModel.userProperty());
        PasswordField password = new PasswordField();
        password.setId("balancer-password");
        password.setPromptText("stats password");
        password.textProperty().bindBidirectional(viewModel.passwordProperty());
        ToolBar credentials = new ToolBar(new Label("HAProxy stats"), user, password);

        Label summary = new Label();
        summary.setId("balancer-summary");
        summary.getStyleClass().add("view-title");
        summary.textProperty().bind(viewModel.summaryProperty());
        TableView<BalancerRow> table = Tables.table("balancer-table", viewModel.rows(), "No HAProxy stats");
        table.getColumns().addAll(Arrays.asList(
                Tables.column("Server", BalancerRow::server),
                Tables.stateColumn("HAProxy status", BalancerRow::haproxyStatus),
                Tables.numberColumn("HAProxy weight", BalancerRow::haproxyWeight),
                Tables.stateColumn("Node state", BalancerRow::nodeState),
                Tables.numberColumn("Node weight", BalancerRow::nodeWeight),
                Tables.column("Mismatch", BalancerRow::mismatch)));
        setTop(new VBox(credentials, summary));
        setCenter(table);
    }
}
