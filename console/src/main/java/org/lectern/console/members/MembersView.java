package org.lectern.console.members;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.scene.control.Alert;
import javafx.geometry.Side;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.MasterDetailPane;
import org.controlsfx.control.PropertySheet;
import org.lectern.console.operations.OperationsViewModel;
import org.lectern.console.ui.DetailItem;
import org.lectern.shared.cluster.NodeState;

/** The members table with its details pane and the actions on the selected node. */
public final class MembersView extends BorderPane {

    private static final double ROW_HEIGHT = 28;
    private static final PseudoClass MISMATCH = PseudoClass.getPseudoClass("mismatch");
    private static final PseudoClass DEVIATING = PseudoClass.getPseudoClass("deviating");

    private final TableView<MemberRow> table;
    private final OperationsViewModel operations;
    private final Supplier<List<String>> knownNodes;

    public MembersView(MembersViewModel viewModel, OperationsViewModel operations) {
        this.operations = operations;
        this.knownNodes = () -> viewModel.rows().stream().map(MemberRow::nodeId).toList();
        table = new TableView<>(viewModel.rows());
        table.setId("members-table");
        table.getStyleClass().add("members-table");
        table.setFixedCellSize(ROW_HEIGHT);
        // Columns share the width (1,400 px fits all of them); headers wrap instead of being cut.
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No members to show: not connected, or no node has published its status yet."));
        table.setRowFactory(ignored -> new MemberTableRow());

        TableColumn<MemberRow, NodeState> state = column("State", MemberRow::stateProperty);
        state.setCellFactory(ignored -> new StateCell());
        TableColumn<MemberRow, Boolean> broker = column("Broker", MemberRow::brokerConnectedProperty);
        broker.setCellFactory(ignored -> new BrokerCell());
        table.getColumns().addAll(Arrays.asList(
                column("Node", MemberRow::nodeIdProperty),
                column("Badges", MemberRow::badgesProperty),
                state,
                column("Version", MemberRow::versionProperty),
                column("Schema", MemberRow::schemaVersionProperty),
                column("HTTP address", MemberRow::httpAddressProperty),
                column("Weight", MemberRow::weightProperty),
                column("Sessions", MemberRow::sessionsProperty),
                column("Users", MemberRow::usersProperty),
                column("Saves/s", MemberRow::savesPerSecondProperty),
                column("Save p95", MemberRow::saveP95Property),
                column("Flush lag", MemberRow::flushLagProperty),
                column("Heap", MemberRow::heapProperty),
                column("CPU", MemberRow::cpuProperty),
                broker,
                column("Uptime", MemberRow::uptimeProperty),
                column("Last published", MemberRow::lastPublishedProperty),
                column("Flags", MemberRow::flagsProperty)));
        fit(table);

        PropertySheet details = new PropertySheet();
        details.setId("member-details");
        details.setModeSwitcherVisible(false);
        details.setSearchBoxVisible(false);
        details.setMode(PropertySheet.Mode.CATEGORY);
        ChangeListener<List<MemberRow.Detail>> detailsChanged = (observable, before, after) ->
                showDetails(details, table.getSelectionModel().getSelectedItem());
        table.getSelectionModel().selectedItemProperty().addListener((observable, before, selected) -> {
            if (before != null) {
                before.detailsProperty().removeListener(detailsChanged);
            }
            if (selected != null) {
                selected.detailsProperty().addListener(detailsChanged);
            }
            showDetails(details, selected);
        });
        // Details below the table, not beside it: a cluster has a handful of rows, and beside them the details took a
        // quarter of the width the columns need at 1,400 px (headers and values were cut).
        MasterDetailPane master = new MasterDetailPane(Side.BOTTOM);
        master.setMasterNode(table);
        master.setDetailNode(details);
        master.setDividerPosition(0.4);
        // No empty side panel: the details open when a node is picked.
        master.showDetailNodeProperty().bind(table.getSelectionModel().selectedItemProperty().isNotNull());

        Label warning = new Label();
        warning.setId("cluster-warning");
        warning.getStyleClass().add("cluster-warning");
        warning.textProperty().bind(viewModel.clusterWarningProperty());
        warning.visibleProperty().bind(viewModel.clusterWarningProperty().isNotEmpty());
        warning.managedProperty().bind(warning.visibleProperty());

        setTop(new VBox(actions(), warning));
        setCenter(master);
    }

    /** Selects the node's row, as when the overview leads here; a node not shown leaves the selection as it is. */
    public void select(String nodeId) {
        table.getItems().stream().filter(row -> row.nodeId().equals(nodeId)).findFirst().ifPresent(row -> {
            table.getSelectionModel().select(row);
            table.scrollTo(row);
        });
    }

    private static void showDetails(PropertySheet sheet, MemberRow row) {
        if (row == null) {
            sheet.getItems().clear();
            return;
        }
        sheet.getItems().setAll(row.detailsProperty().get().stream()
                .map(detail -> new DetailItem(detail.category(), detail.name(), detail.value()))
                .toList());
    }

    private ToolBar actions() {
        Button weight = button("weight-button", "Weight…", "Change the selected node's load-balancing weight");
        weight.setOnAction(event -> selected().ifPresent(this::askWeight));
        Button drain = button("drain-button", "Drain…", "Take the selected node out of service without losing a session");
        drain.setOnAction(event -> selected().ifPresent(this::askDrain));
        Button undrain = button("undrain-button", "Undrain", "Take the selected node back into service");
        undrain.setOnAction(event -> selected().ifPresent(operations::undrain));
        Button stop = button("stop-button", "Stop…", "Stop the selected node; only a DRAINED node can be stopped");
        stop.setOnAction(event -> selected().ifPresent(this::askStop));
        Button rolling = button("rolling-button", "Rolling…", "Drain, update and undrain several nodes, one after the other");
        rolling.setOnAction(event -> askRolling());
        var noSelection = table.getSelectionModel().selectedItemProperty().isNull();
        var unsigned = operations.canSignProperty().not();
        for (Button button : List.of(weight, drain, undrain, stop)) {
            button.disableProperty().bind(noSelection.or(unsigned));
        }
        rolling.disableProperty().bind(unsigned.or(Bindings.isEmpty(table.getItems())));
        Label signer = new Label();
        signer.textProperty().bind(Bindings.when(operations.canSignProperty())
                .then(Bindings.concat("Signing as ", operations.operatorProperty()))
                .otherwise("Read-only: connect with an operator credential to act"));
        return new ToolBar(weight, drain, undrain, stop, rolling, signer);
    }

    private Optional<String> selected() {
        return Optional.ofNullable(table.getSelectionModel().getSelectedItem()).map(MemberRow::nodeId);
    }

    private void askWeight(String nodeId) {
        TextInputDialog dialog = new TextInputDialog(String.valueOf(
                table.getSelectionModel().getSelectedItem().weightProperty().get()));
        dialog.setTitle("Weight");
        dialog.setHeaderText("New load-balancing weight for " + nodeId + " (0 takes no new users, at most "
                + OperationsViewModel.MAX_WEIGHT + ")");
        dialog.getEditor().setId("weight-input");
        dialog.getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(Bindings.createBooleanBinding(
                () -> OperationsViewModel.validateWeight(dialog.getEditor().getText()).isPresent(),
                dialog.getEditor().textProperty()));
        owned(dialog);
        dialog.showAndWait().ifPresent(weight -> operations.changeWeight(nodeId, weight));
    }

    private void askDrain(String nodeId) {
        ButtonType drain = new ButtonType("Drain", ButtonData.OK_DONE);
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, operations.describeDrain(nodeId), drain, ButtonType.CANCEL);
        confirm.setTitle("Drain " + nodeId);
        confirm.setHeaderText("Drain " + nodeId);
        confirm.getDialogPane().setId("drain-confirmation");
        owned(confirm);
        confirm.showAndWait().filter(drain::equals).ifPresent(chosen -> operations.drain(nodeId));
    }

    private void askStop(String nodeId) {
        if (!operations.canStop(nodeId)) {
            Alert refuse = new Alert(Alert.AlertType.WARNING, nodeId + " is not DRAINED. Drain it first, so that no "
                    + "user loses a session and the scheduler hands over.");
            owned(refuse);
            refuse.showAndWait();
            return;
        }
        ButtonType stop = new ButtonType("Stop", ButtonData.OK_DONE);
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, "Stop " + nodeId + "? It is drained and holds no "
                + "users; it shuts down gracefully and leaves the cluster.", stop, ButtonType.CANCEL);
        owned(confirm);
        confirm.showAndWait().filter(stop::equals).ifPresent(chosen -> operations.stop(nodeId));
    }

    private void askRolling() {
        List<String> known = knownNodes.get();
        TextInputDialog dialog = new TextInputDialog(String.join(", ", known));
        dialog.setTitle("Rolling operation");
        dialog.setHeaderText("Nodes in order (comma-separated). Each is drained; once DRAINED you update it and "
                + "confirm; it is undrained and must be READY before the next. A failure halts the operation.");
        dialog.getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(Bindings.createBooleanBinding(
                () -> parseNodes(dialog.getEditor().getText(), known).isEmpty(), dialog.getEditor().textProperty()));
        owned(dialog);
        dialog.showAndWait().map(text -> parseNodes(text, known)).filter(nodes -> !nodes.isEmpty())
                .ifPresent(operations::rolling);
    }

    /** The node ids typed, when every one is a member; empty otherwise. */
    private static List<String> parseNodes(String text, List<String> known) {
        List<String> nodes = Arrays.stream(text.split(",")).map(String::strip).filter(id -> !id.isEmpty()).distinct().toList();
        return known.containsAll(nodes) ? nodes : List.of();
    }

    private void owned(javafx.scene.control.Dialog<?> dialog) {
        if (getScene() != null) {
            dialog.initOwner(getScene().getWindow());
            dialog.getDialogPane().getStylesheets().setAll(getScene().getStylesheets());
        }
    }

    private static Button button(String id, String text, String tooltip) {
        Button button = new Button(text);
        button.setId(id);
        button.setTooltip(new Tooltip(tooltip));
        return button;
    }

    /** Widths that fit 1,400 px together; figures right-aligned (their text carries the unit). */
    private static void fit(TableView<MemberRow> table) {
        Map<String, Double> widths = Map.ofEntries(Map.entry("Node", 80.0), Map.entry("Badges", 100.0),
                Map.entry("State", 80.0), Map.entry("Version", 105.0), Map.entry("Schema", 60.0),
                Map.entry("HTTP address", 115.0), Map.entry("Heap", 95.0), Map.entry("Last published", 80.0),
                Map.entry("Broker", 80.0), Map.entry("Flags", 150.0));
        List<String> figures = List.of("Weight", "Sessions", "Users", "Saves/s", "Save p95", "Heap", "CPU", "Uptime",
                "Last published");
        for (TableColumn<MemberRow, ?> column : table.getColumns()) {
            column.setPrefWidth(widths.getOrDefault(column.getText(), 70.0));
            column.setMinWidth(40);
            if (figures.contains(column.getText())) {
                column.getStyleClass().add("number");
            }
        }
    }

    private static <T> TableColumn<MemberRow, T> column(String title, Function<MemberRow, ObservableValue<T>> value) {
        TableColumn<MemberRow, T> column = new TableColumn<>(title);
        column.setCellValueFactory(features -> value.apply(features.getValue()));
        // Rows are kept in node-id order by the view-model; sorting in the table would move them under the cursor.
        column.setSortable(false);
        return column;
    }

    /** Marks rows of nodes that differ from the cluster: another version or schema, or an outlying load. */
    private static final class MemberTableRow extends TableRow<MemberRow> {

        MemberTableRow() {
            ChangeListener<String> flagsChanged = (observable, before, after) -> mark(getItem());
            itemProperty().addListener((observable, before, after) -> {
                if (before != null) {
                    before.flagsProperty().removeListener(flagsChanged);
                }
                if (after != null) {
                    after.flagsProperty().addListener(flagsChanged);
                }
                mark(after);
            });
        }

        private void mark(MemberRow row) {
            boolean known = row != null;
            pseudoClassStateChanged(MISMATCH, known && (row.versionMismatchProperty().get() || row.schemaMismatchProperty().get()));
            pseudoClassStateChanged(DEVIATING, known && !row.deviationProperty().get().isEmpty());
            setTooltip(known && !row.flagsProperty().get().isEmpty() ? new Tooltip(row.flagsProperty().get()) : null);
        }
    }

    /** Says whether the node reaches the broker, with the pseudo-class {@code :down} when it does not. */
    private static final class BrokerCell extends TableCell<MemberRow, Boolean> {

        private static final PseudoClass DOWN = PseudoClass.getPseudoClass("down");

        BrokerCell() {
            getStyleClass().add("broker-cell");
        }

        @Override
        protected void updateItem(Boolean connected, boolean empty) {
            super.updateItem(connected, empty);
            boolean known = !empty && connected != null;
            setText(known ? (connected ? "connected" : "DOWN") : null);
            pseudoClassStateChanged(DOWN, known && !connected);
        }
    }

    /** Shows the state as text and as a pseudo-class, so the stylesheet can colour it. */
    private static final class StateCell extends TableCell<MemberRow, NodeState> {

        StateCell() {
            getStyleClass().add("state-cell");
        }

        @Override
        protected void updateItem(NodeState item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : item.name());
            for (NodeState state : NodeState.values()) {
                pseudoClassStateChanged(PseudoClass.getPseudoClass(state.name().toLowerCase(Locale.ROOT)), state == item && !empty);
            }
        }
    }
}
