package org.lectern.console.replicas;

import java.util.Arrays;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import org.lectern.console.ui.Tables;

/** Owned and backup live submissions per member, under a red or green "cluster safe" answer. */
public final class ReplicasView extends BorderPane {

    private static final PseudoClass SAFE = PseudoClass.getPseudoClass("safe");

    public ReplicasView(ReplicasViewModel viewModel) {
        Label verdict = new Label();
        verdict.setId("cluster-safe");
        verdict.getStyleClass().add("cluster-safe");
        verdict.setMaxWidth(Double.MAX_VALUE);
        verdict.textProperty().bind(viewModel.verdictProperty());
        viewModel.clusterSafeProperty().addListener((observable, before, safe) -> verdict.pseudoClassStateChanged(SAFE, safe));
        Label summary = new Label();
        summary.textProperty().bind(viewModel.summaryProperty());

        TableView<ReplicaRow> table = Tables.table("replicas-table", viewModel.rows(), "Not connected");
        table.getColumns().addAll(Arrays.asList(
                Tables.column("Node", ReplicaRow::nodeId),
                Tables.numberColumn("Owned entries", ReplicaRow::owned),
                Tables.numberColumn("Backup entries", ReplicaRow::backup),
                Tables.numberColumn("Partitions owned", ReplicaRow::partitions),
                Tables.stateColumn("Backups in sync", row -> row.safe() ? "in sync" : "NOT SAFE")));
        VBox top = new VBox(verdict, summary);
        top.getStyleClass().add("view-header");
        setTop(top);
        setCenter(table);
    }
}
