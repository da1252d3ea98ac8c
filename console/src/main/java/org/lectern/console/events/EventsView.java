package org.lectern.console.events;

import java.util.Arrays;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
import org.lectern.console.ui.Tables;
import org.lectern.shared.cluster.ClusterEvent;
import org.lectern.shared.cluster.ClusterEventKind;
import org.lectern.shared.cluster.EventSeverity;

/** The timeline; events that need attention also pop up as a notification. */
public final class EventsView extends BorderPane {

    public EventsView(EventsViewModel viewModel) {
        TableView<EventRow> table = Tables.table("events-table", viewModel.events(), "No events since the console connected");
        TableColumn<EventRow, EventSeverity> severity = Tables.stateColumn("Severity", EventRow::severity);
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
                .title(alert.severity() + ": " + (alert.kind() == ClusterEventKind.CONSOLE_ALERT ? "alert"
                        : alert.kind()))
                .text(alert.nodeId() + " — " + alert.message())
                .hideAfter(Duration.seconds(8));
        if (alert.severity() == EventSeverity.CRITICAL) {
            notification.showError();
        } else {
            notification.showWarning();
        }
    }
}
