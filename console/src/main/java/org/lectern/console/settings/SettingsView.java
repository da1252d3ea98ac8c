package org.lectern.console.settings;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import org.lectern.console.operations.OperationsViewModel;

/** One line per cluster-wide setting: key, value in the cluster, the operator's edit, and Apply. */
public final class SettingsView extends BorderPane {

    public SettingsView(SettingsViewModel viewModel, OperationsViewModel operations) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("settings-grid");
        grid.addRow(0, new Label("Setting"), new Label("In the cluster"), new Label("New value"), new Label(""), new Label(""));
        int line = 1;
        for (SettingRow row : viewModel.rows()) {
            Label current = new Label();
            current.textProperty().bind(row.currentProperty());
            TextField edited = new TextField();
            edited.setId("setting-" + row.key().replace('.', '-'));
            edited.textProperty().bindBidirectional(row.editedProperty());
            Label problem = new Label();
            problem.getStyleClass().add("validation-message");
            problem.textProperty().bind(row.problemProperty());
            Button apply = new Button("Apply to all nodes");
            apply.disableProperty().bind(row.problemProperty().isNotEmpty()
                    .or(operations.canSignProperty().not())
                    .or(Bindings.createBooleanBinding(() -> !row.dirty(), row.editedProperty(), row.currentProperty())));
            apply.setOnAction(event -> viewModel.apply(row));
            grid.addRow(line++, new Label(row.key()), current, edited, apply, problem);
        }
        setCenter(grid);
    }
}
