package org.lectern.console.events;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.Set;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.lectern.shared.cluster.ClusterEvent;
import org.lectern.shared.cluster.EventSeverity;

/**
 * The timeline: events from the nodes' topic and membership changes the console saw, newest first. Events that
 * need attention (WARNING, CRITICAL) are also offered as an alert the view shows as a desktop notification.
 */
public final class EventsViewModel {

    /** The timeline keeps this many events; older ones are in the nodes' logs and audit log. */
    public static final int CAPACITY = 2_000;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final DateTimeFormatter time;
    private final ObservableList<EventRow> events = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<ClusterEvent> alert = new ReadOnlyObjectWrapper<>(this, "alert");
    private final ReadOnlyIntegerWrapper alerts = new ReadOnlyIntegerWrapper(this, "alerts");
    private final Set<String> seen = new HashSet<>();

    public EventsViewModel(ZoneId zone) {
        this.time = TIME.withZone(zone);
    }

    public ObservableList<EventRow> events() {
        return FXCollections.unmodifiableObservableList(events);
    }

    /** The latest event that needs attention. */
    public ReadOnlyObjectProperty<ClusterEvent> alertProperty() {
        return alert.getReadOnlyProperty();
    }

    /** How many events needed attention since the console started. */
    public ReadOnlyIntegerProperty alertsProperty() {
        return alerts.getReadOnlyProperty();
    }

    public void add(ClusterEvent event) {
        add(event, true);
    }

    /**
     * @param notify whether an event that needs attention is also offered as a desktop notification (the console's
     *               own alerts leave that to the operator)
     */
    public void add(ClusterEvent event, boolean notify) {
        // A reliable topic may deliver again after a reconnect.
        if (!seen.add(event.id())) {
            return;
        }
        events.add(0, new EventRow(event.id(), time.format(Instant.ofEpochMilli(event.atMillis())), event.severity(),
                event.kind().name(), event.nodeId(), event.message()));
        if (events.size() > CAPACITY) {
            EventRow dropped = events.remove(events.size() - 1);
            seen.remove(dropped.id());
        }
        if (event.severity() != EventSeverity.INFO) {
            alerts.set(alerts.get() + 1);
            if (notify) {
                alert.set(event);
            }
        }
    }
}
