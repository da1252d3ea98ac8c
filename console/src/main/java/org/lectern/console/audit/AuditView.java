package org.lectern.console.audit;

import java.io.File;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;
import javafx.collections.ObservableList;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.lectern.console.ui.Tables;

/** The audit trail: filters and export above the table. */
public final class AuditView extends BorderPane {

    public AuditView(AuditViewModel viewModel) {
        ComboBox<String> operator = filter("audit-operator", viewModel.operators(), "Operator");
        operator.valueProperty().bindBidirectional(viewModel.operatorFilterProperty());
        ComboBox<String> node = filter("audit-node", viewModel.nodes(), "Node the command was for");
        node.valueProperty().bindBidirectional(viewModel.nodeFilterProperty());
        ComboBox<String> kind = filter("audit-kind", viewModel.kinds(), "Kind of command");
        kind.valueProperty().bindBidirectional(viewModel.kindFilterProperty());
        Button refresh = new Button("Read now");
        refresh.setId("audit-refresh");
        refresh.setOnAction(event -> viewModel.refresh());
        Button export = new Button("Export CSV…");
        export.setId("audit-export");
        export.setTooltip(new Tooltip("Write the lines shown (filters applied) to a CSV file"));
        export.setOnAction(event -> chooseFile().ifPresent(file -> viewModel.export(file.toPath())));
        ToolBar tools = new ToolBar(new Label("Operator"), operator, new Label("Node"), node, new Label("Kind"), kind,
                refresh, export);

        Label summary = new Label();
        summary.setId("audit-summary");
        summary.textProperty().bind(viewModel.summaryProperty());
        Label exported = new Label();
        exported.setId("audit-export-result");
        exported.textProperty().bind(viewModel.exportResultProperty());
        exported.managedProperty().bind(exported.textProperty().isNotEmpty());
        VBox header = new VBox(summary, exported);
        header.getStyleClass().add("view-header");

        TableView<AuditRow> table = Tables.table("audit-table", viewModel.rows(),
                "No audit lines: no operator command in the last week, or not connected");
        table.getColumns().addAll(Arrays.asList(
                Tables.column("Time", AuditRow::at),
                Tables.column("Operator", AuditRow::operator),
                Tables.column("Kind", AuditRow::kind),
                Tables.column("Node", AuditRow::target),
                Tables.column("Argument", AuditRow::argument),
                Tables.stateColumn("Outcome", AuditRow::outcome),
                Tables.column("Written by", AuditRow::writtenBy),
                Tables.column("Message", AuditRow::message)));
        setTop(new VBox(tools, header));
        setCenter(table);
    }

    private static ComboBox<String> filter(String id, ObservableList<String> choices, String tooltip) {
        ComboBox<String> box = new ComboBox<>(choices);
        box.setId(id);
        box.setTooltip(new Tooltip(tooltip));
        return box;
    }

    private Optional<File> chooseFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the audit trail");
        chooser.setInitialFileName("lectern-audit-" + LocalDate.now() + ".csv");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        return Optional.ofNullable(chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow()));
    }
}
