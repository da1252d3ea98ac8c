package org.lectern.node.support;

import static org.awaitility.Awaitility.await;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.topic.ITopic;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.lectern.shared.cluster.ClusterEvent;
import org.lectern.shared.cluster.ClusterStructures;
import org.lectern.shared.cluster.NodeStatus;
import org.lectern.shared.operations.AuditEntry;
import org.lectern.shared.operations.CommandKind;
import org.lectern.shared.operations.CommandOutcome;
import org.lectern.shared.operations.CommandResult;
import org.lectern.shared.operations.OperatorCommand;
import org.lectern.shared.operations.OperatorSignatures;
import org.lectern.shared.operations.SignedValue;

/**
 * What the operations console does with commands, as a real Hazelcast client: signs them with the operator
 * credential, puts them into the cluster, reads the answers, the audit log and the events.
 */
public final class OperatorConsole implements AutoCloseable {

    /** The credential the test nodes are configured with ({@link #CREDENTIAL_SETTING}). */
    public static final byte[] CREDENTIAL = "operator-credential-of-the-tests-32bytes".getBytes();
    public static final String CREDENTIAL_SETTING = "lectern.operations.credential";
    public static final String CREDENTIAL_BASE64 = Base64.getEncoder().encodeToString(CREDENTIAL);

    private final HazelcastInstance client;
    private final List<ClusterEvent> events = new CopyOnWriteArrayList<>();

    private OperatorConsole(HazelcastInstance client) {
        this.client = client;
        ITopic<ClusterEvent> topic = client.getReliableTopic(ClusterStructures.EVENTS);
        topic.addMessageListener(message -> events.add(message.getMessageObject()));
    }

    /** Connects to the cluster {@code clusterName} through the member at {@code 127.0.0.1:memberPort}. */
    public static OperatorConsole connect(String clusterName, int memberPort) {
        ClientConfig config = new ClientConfig();
        config.setClusterName(clusterName);
        config.getNetworkConfig().addAddress("127.0.0.1:" + memberPort);
        return new OperatorConsole(HazelcastClient.newHazelcastClient(config));
    }

    /** The settings every test node of a cluster needs to verify this console's commands. */
    public static Map<String, Object> nodeSettings() {
        return Map.of(CREDENTIAL_SETTING, CREDENTIAL_BASE64);
    }

    public OperatorCommand sign(CommandKind kind, String target, String argument) {
        return OperatorSignatures.sign(kind, target, argument, "ops-alice", System.currentTimeMillis(), CREDENTIAL);
    }

    /** Puts the command as it is, signed or forged. */
    public OperatorCommand send(OperatorCommand command) {
        commands().put(command.commandId(), command);
        return command;
    }

    public OperatorCommand send(CommandKind kind, String target, String argument) {
        return send(sign(kind, target, argument));
    }

    /** Waits for the command's answer to reach one of {@code outcomes}. */
    public CommandResult awaitResult(OperatorCommand command, Duration within, CommandOutcome... outcomes) {
        List<CommandOutcome> wanted = List.of(outcomes);
        return await().atMost(within).until(() -> results().get(command.commandId()),
                result -> result != null && wanted.contains(result.outcome()));
    }

    public CommandResult result(OperatorCommand command) {
        return results().get(command.commandId());
    }

    public IMap<String, OperatorCommand> commands() {
        return client.getMap(ClusterStructures.OPERATOR_COMMANDS);
    }

    public IMap<String, CommandResult> results() {
        return client.getMap(ClusterStructures.COMMAND_RESULTS);
    }

    public IMap<String, AuditEntry> auditLog() {
        return client.getMap(ClusterStructures.AUDIT_LOG);
    }

    /** The cluster settings as the cluster holds them now, those whose signature verifies. */
    public Map<String, String> settings() {
        IMap<String, Object> settings = client.getMap(ClusterStructures.CLUSTER_SETTINGS);
        Map<String, String> verified = new HashMap<>();
        settings.getAll(settings.keySet()).forEach((key, found) -> {
            if (OperatorSignatures.verifyValue(ClusterStructures.CLUSTER_SETTINGS, key, found, CREDENTIAL)) {
                verified.put(key, ((SignedValue) found).value());
            }
        });
        return Map.copyOf(verified);
    }

    public IMap<String, NodeStatus> statuses() {
        return client.getMap(ClusterStructures.NODE_STATUS);
    }

    /** The events received since connecting, oldest first. */
    public List<ClusterEvent> events() {
        return List.copyOf(events);
    }

    @Override
    public void close() {
        client.shutdown();
    }
}
