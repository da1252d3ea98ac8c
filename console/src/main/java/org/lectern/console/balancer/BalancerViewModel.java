package org.lectern.console.balancer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.lectern.console.ui.BackgroundExecutor;
import org.lectern.shared.cluster.ClusterStructures;
import org.lectern.shared.cluster.NodeState;
import org.lectern.shared.cluster.NodeStatus;

/**
 * What HAProxy applies (its stats page, when the nodes publish its address) next to what each node reports;
 * servers are matched to nodes by name (HAProxy server name = node id).
 */
public final class BalancerViewModel {

    /** What the view-model fetches: HAProxy's servers, or why there are none. */
    public interface Source {
        /** @return the servers HAProxy lists at {@code statsAddress}, read as {@code user} (blank: no credentials) */
        List<BalancerServer> servers(String statsAddress, String user, String password) throws Exception;
    }

    private final Callable<Map<String, String>> publishedConfig;
    private final Source source;
    private final BackgroundExecutor background;
    private final ObservableList<BalancerRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "Not read yet");
    private final StringProperty user = new SimpleStringProperty(this, "user", "");
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private boolean fetching;

    public BalancerViewModel(Callable<Map<String, String>> publishedConfig, Source source, BackgroundExecutor background) {
        this.publishedConfig = publishedConfig;
        this.source = source;
        this.background = background;
    }

    public ObservableList<BalancerRow> rows() {
        return FXCollections.unmodifiableObservableList(rows);
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** The stats page's user: typed, or else the one the cluster publishes. */
    public StringProperty userProperty() {
        return user;
    }

    /** The stats page's password: typed, never published nor saved. */
    public StringProperty passwordProperty() {
        return password;
    }

    public void refresh(Map<String, NodeStatus> nodes) {
        if (fetching) {
            return;
        }
        fetching = true;
        String typedUser = user.get();
        String typedPassword = password.get();
        background.run(() -> {
            Map<String, String> config = publishedConfig.call();
            String address = config.get(ClusterStructures.BALANCER_STATS);
            String statsUser = typedUser.isBlank() ? config.getOrDefault(ClusterStructures.BALANCER_STATS_USER, "")
                    : typedUser;
            return address == null ? null : new Fetched(address, statsUser,
                    source.servers(address, statsUser, typedPassword));
        }, fetched -> {
            fetching = false;
            if (fetched == null) {
                rows.clear();
                summary.set("The nodes publish no HAProxy stats address (" + ClusterStructures.BALANCER_STATS + ")");
            } else {
                if (user.get().isBlank()) {
                    user.set(fetched.user());
                }
                apply(fetched.address(), fetched.servers(), nodes);
            }
        }, failure -> {
            fetching = false;
            summary.set("Cannot read HAProxy's stats: " + failure.getMessage());
        });
    }

    private record Fetched(String address, String user, List<BalancerServer> servers) {
    }

    void apply(String address, List<BalancerServer> servers, Map<String, NodeStatus> nodes) {
        List<BalancerRow> fresh = new ArrayList<>();
        Set<String> listed = new HashSet<>();
        for (BalancerServer server : servers) {
            listed.add(server.server());
            NodeStatus node = nodes.get(server.server());
            fresh.add(new BalancerRow(server.backend() + "/" + server.server(), server.status(),
                    Integer.toString(server.weight()), node == null ? "not a member" : node.state().name(),
                    node == null ? "" : Integer.toString(node.weight()), mismatch(server, node)));
        }
        nodes.values().stream().filter(node -> !listed.contains(node.nodeId())).forEach(node -> fresh.add(
                new BalancerRow(node.nodeId(), "not in HAProxy", "", node.state().name(), Integer.toString(node.weight()),
                        node.state() == NodeState.READY ? "READY node the balancer does not know" : "")));
        rows.setAll(fresh);
        long mismatches = fresh.stream().filter(row -> !row.mismatch().isEmpty()).count();
        summary.set("HAProxy at " + address + ": " + servers.size() + " servers"
                + (mismatches == 0 ? ", all agree with the nodes" : ", " + mismatches + " MISMATCH"));
    }

    static String mismatch(BalancerServer server, NodeStatus node) {
        boolean up = server.status().startsWith("UP");
        if (node == null) {
            return up ? "HAProxy sends users to a node that is not in the cluster" : "";
        }
        if (node.state() == NodeState.READY && !up) {
            return "node is READY but HAProxy has it " + server.status();
        }
        if (!node.state().acceptsNewUsers() && up && server.weight() > 0) {
            return "node is " + node.state() + " but HAProxy still sends it new users";
        }
        if (node.state() == NodeState.READY && server.weight() != node.weight()) {
            return "weight " + server.weight() + " in HAProxy, " + node.weight() + " on the node";
        }
        return "";
    }
}
