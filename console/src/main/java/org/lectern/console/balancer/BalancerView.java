package org.lectern.console.balancer;

import java.util.Arrays;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import org.lectern.console.ui.Tables;

/** HAProxy's weights and states next to the nodes' own. */
public final class BalancerView extends BorderPane {

    public BalancerView(BalancerViewModel viewModel) {
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
        setTop(summary);
        setCenter(table);
    }
}
