package org.lectern.console.operations;

import java.util.Arrays;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import org.lectern.console.ui.Tables;

/** The operations the operator started, with their live progress; confirms or cancels the selected one. */
public final class OperationsView extends BorderPane {

    public OperationsView(OperationsViewModel viewModel) {
        TableView<Operation> table = Tables.table("operations-table", viewModel.operations(),
                "No operations yet: start one from the members view or the settings.");
        TableColumn<Operation, String> title = Tables.column("Operation", Operation::title);
        TableColumn<Operation, OperationState> state = new TableColumn<>("State");
        state.setCellValueFactory(features -> features.getValue().stateProperty());
        state.setCellFactory(ignored -> new Tables.ToneCell<>());
        TableColumn<Operation, Number> progress = new TableColumn<>("Progress");
        progress.setCellValueFactory(features -> features.getValue().progressProperty());
        progress.setCellFactory(ignored -> new ProgressCell());
        TableColumn<Operation, String> status = new TableColumn<>("Status");
        status.setCellValueFactory(features -> features.getValue().statusProperty());
        table.getColumns().addAll(Arrays.asList(title, state, progress, status));

        Button proceed = new Button("Continue");
        proceed.setId("continue-button");
        proceed.disableProperty().bind(Bindings.createBooleanBinding(() -> {
            Operation selected = table.getSelectionModel().getSelectedItem();
            return selected == null || selected.state() != OperationState.WAITING_FOR_OPERATOR;
        }, table.getSelectionModel().selectedItemProperty(), table.getItems()));
        proceed.setOnAction(event -> viewModel.confirm(table.getSelectionModel().getSelectedItem()));
        Button cancel = new Button("Cancel");
        cancel.setId("cancel-operation-button");
        cancel.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        cancel.setOnAction(event -> viewModel.cancel(table.getSelectionModel().getSelectedItem()));
        Button clear = new Button("Clear finished");
        clear.setOnAction(event -> viewModel.clearFinished());
        setTop(new ToolBar(proceed, cancel, clear));
        setCenter(table);
    }

    private static final class ProgressCell extends TableCell<Operation, Number> {

        private final ProgressBar bar = new ProgressBar();

        @Override
        protected void updateItem(Number value, boolean empty) {
            super.updateItem(value, empty);
            if (empty || value == null) {
                setGraphic(null);
            } else {
                bar.setProgress(value.doubleValue());
                setGraphic(bar);
            }
        }
    }
}
