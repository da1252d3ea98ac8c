package org.lectern.node.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.EntryEvent;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.lectern.shared.cluster.ClusterStructures;
import org.lectern.shared.operations.AuditEntry;
import org.lectern.shared.operations.CommandResult;
import org.lectern.shared.operations.OperatorCommand;
import org.springframework.stereotype.Component;

/**
 * Commands, answers and recent audit lines as three maps consoles read and write. Answers and audit lines expire:
 * the database keeps the audit log, and an answer matters while an operator waits for it.
 */
@Component
class HazelcastOperatorCommandChannel implements OperatorCommandChannel {

    private static final long RESULT_HOURS = 24;
    private static final long AUDIT_DAYS = 7;

    private final HazelcastInstance hazelcast;
    private final IMap<String, OperatorCommand> commands;
    private final IMap<String, CommandResult> results;
    private final IMap<String, AuditEntry> audit;

    HazelcastOperatorCommandChannel(HazelcastInstance hazelcast) {
        this.hazelcast = hazelcast;
        this.commands = hazelcast.getMap(ClusterStructures.OPERATOR_COMMANDS);
        this.results = hazelcast.getMap(ClusterStructures.COMMAND_RESULTS);
        this.audit = hazelcast.getMap(ClusterStructures.AUDIT_LOG);
    }

    @Override
    public void onCommand(Consumer<OperatorCommand> listener) {
        commands.addEntryListener(new CommandListener(listener), true);
    }

    @Override
    public boolean answerFirst(CommandResult result) {
        return results.putIfAbsent(result.commandId(), result, RESULT_HOURS, TimeUnit.HOURS) == null;
    }

    @Override
    public void answer(CommandResult result) {
        results.set(result.commandId(), result, RESULT_HOURS, TimeUnit.HOURS);
    }

    @Override
    public void showAudit(String key, AuditEntry entry) {
        audit.set(key, entry, AUDIT_DAYS, TimeUnit.DAYS);
    }

    @Override
    public boolean isCoordinator() {
        Iterator<Member> members = hazelcast.getCluster().getMembers().iterator();
        return members.hasNext() && members.next().localMember();
    }

    private record CommandListener(Consumer<OperatorCommand> listener)
            implements EntryAddedListener<String, OperatorCommand>, EntryUpdatedListener<String, OperatorCommand> {

        @Override
        public void entryAdded(EntryEvent<String, OperatorCommand> event) {
            listener.accept(event.getValue());
        }

        @Override
        public void entryUpdated(EntryEvent<String, OperatorCommand> event) {
            // The same id put again: the operations feature refuses it as a replay.
            listener.accept(event.getValue());
        }
    }
}
