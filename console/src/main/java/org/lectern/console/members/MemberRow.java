package org.lectern.console.members;

import java.time.Duration;
import java.time.Instant;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.lectern.shared.cluster.NodeState;
import org.lectern.shared.cluster.NodeStatus;

/**
 * One node in the members table. Updated in place on every refresh, so the table keeps its selection and
 * scroll position while the numbers change.
 */
public final class MemberRow {

    private final ReadOnlyStringWrapper nodeId;
    private final ReadOnlyObjectWrapper<NodeState> state = new ReadOnlyObjectWrapper<>(this, "state");
    private final ReadOnlyStringWrapper version = new ReadOnlyStringWrapper(this, "version");
    private final ReadOnlyStringWrapper httpAddress = new ReadOnlyStringWrapper(this, "httpAddress");
    private final ReadOnlyObjectWrapper<Integer> weight = new ReadOnlyObjectWrapper<>(this, "weight");
    private final ReadOnlyStringWrapper uptime = new ReadOnlyStringWrapper(this, "uptime");
    private final ReadOnlyStringWrapper lastPublished = new ReadOnlyStringWrapper(this, "lastPublished");
    private final ReadOnlyBooleanWrapper brokerConnected = new ReadOnlyBooleanWrapper(this, "brokerConnected");

    MemberRow(NodeStatus status, Instant now) {
        this.nodeId = new ReadOnlyStringWrapper(this, "nodeId", status.nodeId());
        update(status, now);
    }

    void update(NodeStatus status, Instant now) {
        state.set(status.state());
        version.set(status.version());
        httpAddress.set(status.httpAddress());
        weight.set(status.weight());
        uptime.set(formatUptime(Duration.between(status.startedAt(), now)));
        lastPublished.set(formatAge(Duration.between(status.publishedAt(), now)));
        brokerConnected.set(status.brokerConnected());
    }

    public String nodeId() {
        return nodeId.get();
    }

    public ReadOnlyStringProperty nodeIdProperty() {
        return nodeId.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<NodeState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty versionProperty() {
        return version.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty httpAddressProperty() {
        return httpAddress.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Integer> weightProperty() {
        return weight.getReadOnlyProperty();
    }

    /** How long the node has run, e.g. {@code 3 h 12 min}. */
    public ReadOnlyStringProperty uptimeProperty() {
        return uptime.getReadOnlyProperty();
    }

    /** How long ago the node last published its status, e.g. {@code 2 s ago}. */
    public ReadOnlyStringProperty lastPublishedProperty() {
        return lastPublished.getReadOnlyProperty();
    }

    /** Whether the node reaches the message broker; while it does not, its users get no real-time messages. */
    public ReadOnlyBooleanProperty brokerConnectedProperty() {
        return brokerConnected.getReadOnlyProperty();
    }

    static String formatUptime(Duration uptime) {
        // Clocks of node and console differ a little; a node that started "in the future" has just started.
        Duration span = uptime.isNegative() ? Duration.ZERO : uptime;
        if (span.toMinutes() < 1) {
            return span.toSeconds() + " s";
        }
        if (span.toHours() < 1) {
            return span.toMinutes() + " min " + span.toSecondsPart() + " s";
        }
        if (span.toDays() < 1) {
            return span.toHours() + " h " + span.toMinutesPart() + " min";
        }
        return span.toDays() + " d " + span.toHoursPart() + " h";
    }

    static String formatAge(Duration age) {
        Duration span = age.isNegative() ? Duration.ZERO : age;
        if (span.toMinutes() < 1) {
            return span.toSeconds() + " s ago";
        }
        return span.toMinutes() + " min ago";
    }
}
