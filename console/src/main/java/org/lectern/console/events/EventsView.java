package org.lectern.console.events;

import java.util.Arrays;
import java.util.Locale;
import javafx.css.PseudoClass;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
import org.lectern.console.ui.Tables;
import org.lectern.shared.cluster.ClusterEvent;
import org.lectern.shared.cluster.EventSeverity;

/** The timeline; events that need attention also pop up as a notification. */
public final class EventsView extends BorderPane {

    public EventsView(EventsViewModel viewModel) {
        TableView<EventRow> table = Tables.table("events-table", viewModel.events(), "No events since the console connected");
        TableColumn<EventRow, EventSeverity> severity = Tables.column("Severity", EventRow::severity);
        severity.setCellFactory(ignored -> new SeverityCell());
        table.getColumns().addAll(Arrays.asList(
                Tables.column("Time", EventRow::at),
                severity,
                Tables.column("Kind", EventRow::kind),
                Tables.column("Node", EventRow::nodeId),
                Tables.column("Message", EventRow::message)));
        setCenter(table);
        viewModel.alertProperty().addListener((observable, before, alert) -> notify(alert));
    }

    private void notify(ClusterEvent alert) {
        if (alert == null || getScene() == null || getScene().getWindow() == null || !getScene().getWindow().isShowing()) {
            return;
        }
        Notifications notification = Notifications.create()
                .owner(getScene().getWindow())
                .title(alert.severity() + ": " + alert.kind())
                .text(alert.nodeId() + " — " + alert.message())
                .hideAfter(Duration.seconds(8));
        if (alert.severity() == EventSeverity.CRITICAL) {
            notification.showError();
        } else {
            notification.showWarning();
        }
    }

    private static final class SeverityCell extends TableCell<EventRow, EventSeverity> {

        SeverityCell() {
            getStyleClass().add("severity-cell");
        }

        @Override
        protected void updateItem(EventSeverity item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : item.name());
            for (EventSeverity severity : EventSeverity.values()) {
                pseudoClassStateChanged(PseudoClass.getPseudoClass(severity.name().toLowerCase(Locale.ROOT)),
                        !empty && severity == item);
            }
        }
    }
}
