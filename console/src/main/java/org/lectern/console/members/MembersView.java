package org.lectern.console.members;

import java.util.Locale;
import java.util.function.Function;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import org.lectern.shared.cluster.NodeState;

/** The members table. Binds to a {@link MembersViewModel}. */
public final class MembersView extends BorderPane {

    private static final double ROW_HEIGHT = 28;

    public MembersView(MembersViewModel viewModel) {
        TableView<MemberRow> table = new TableView<>(viewModel.rows());
        table.setId("members-table");
        table.getStyleClass().add("members-table");
        table.setFixedCellSize(ROW_HEIGHT);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No members to show: not connected, or no node has published its status yet."));

        TableColumn<MemberRow, String> nodeId = column("Node", MemberRow::nodeIdProperty);
        TableColumn<MemberRow, NodeState> state = column("State", MemberRow::stateProperty);
        state.setCellFactory(ignored -> new StateCell());
        table.getColumns().add(nodeId);
        table.getColumns().add(state);
        table.getColumns().add(column("Version", MemberRow::versionProperty));
        table.getColumns().add(column("HTTP address", MemberRow::httpAddressProperty));
        table.getColumns().add(column("Weight", MemberRow::weightProperty));
        TableColumn<MemberRow, Boolean> broker = column("Broker", MemberRow::brokerConnectedProperty);
        broker.setCellFactory(ignored -> new BrokerCell());
        table.getColumns().add(broker);
        table.getColumns().add(column("Uptime", MemberRow::uptimeProperty));
        table.getColumns().add(column("Last published", MemberRow::lastPublishedProperty));
        setCenter(table);
    }

    private static <T> TableColumn<MemberRow, T> column(String title, Function<MemberRow, ObservableValue<T>> value) {
        TableColumn<MemberRow, T> column = new TableColumn<>(title);
        column.setCellValueFactory(features -> value.apply(features.getValue()));
        // Rows are kept in node-id order by the view-model; sorting in the table would move them under the cursor.
        column.setSortable(false);
        return column;
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
