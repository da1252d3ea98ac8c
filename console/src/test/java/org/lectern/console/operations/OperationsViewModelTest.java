package org.lectern.console.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.lectern.console.support.Statuses.status;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.lectern.console.support.Statuses;
import org.lectern.console.ui.SynchronousBackgroundExecutor;
import org.lectern.shared.cluster.NodeState;
import org.lectern.shared.cluster.NodeStatus;
import org.lectern.shared.cluster.ReplicaCounts;
import org.lectern.shared.operations.CommandKind;
import org.lectern.shared.operations.CommandOutcome;
import org.lectern.shared.operations.CommandResult;
import org.lectern.shared.operations.OperatorCommand;
import org.lectern.shared.operations.OperatorSignatures;
import org.lectern.shared.settings.ClusterSetting;

class OperationsViewModelTest {

    private static final String SECRET = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

    private final FakeGateway gateway = new FakeGateway();
    private final MutableClock clock = new MutableClock();
    private final OperationsViewModel viewModel = new OperationsViewModel(gateway, new SynchronousBackgroundExecutor(), clock);
    private final Map<String, NodeStatus> nodes = new HashMap<>();

    @BeforeEach
    void signAndShowCluster() {
        viewModel.useCredential(OperatorCredential.fromSecret("olga", SECRET));
        nodes.put("node-a", status("node-a", NodeState.READY, Statuses.load(40, 31, 1, 20),
                new ReplicaCounts(12, 10, true), true));
        nodes.put("node-b", status("node-b", NodeState.READY));
        viewModel.update(nodes);
    }

    private void nodeIs(String nodeId, NodeState state) {
        NodeStatus before = nodes.get(nodeId);
        nodes.put(nodeId, new NodeStatus(nodeId, before.memberUuid(), before.httpAddress(), before.version(),
                before.schemaVersion(), before.startedAtMillis(), before.weight(), state, before.publishedAtMillis(),
                true, before.schedulerOwner(), before.load(), before.replicas()));
        viewModel.update(nodes);
    }

    private void answer(CommandOutcome outcome) {
        OperatorCommand last = gateway.sent.get(gateway.sent.size() - 1);
        gateway.results.put(last.commandId(), new CommandResult(last.commandId(), last.targetNodeId(), outcome, "msg", 0));
        viewModel.update(nodes);
    }

    @Nested
    class Drain {

        @Test
        void shouldSendSignedDrainAndCompleteWhenNodeReportsDrained() {
            Operation drain = viewModel.drain("node-a");

            OperatorCommand sent = gateway.sent.get(0);
            assertThat(sent.kind()).isEqualTo(CommandKind.DRAIN);
            assertThat(sent.targetNodeId()).isEqualTo("node-a");
            assertThat(sent.operator()).isEqualTo("olga");
            assertThat(OperatorSignatures.verify(sent, OperatorSignatures.credentialFromText(SECRET))).isTrue();

            answer(CommandOutcome.ACCEPTED);
            nodeIs("node-a", NodeState.DRAINING);
            assertThat(drain.state()).isEqualTo(OperationState.RUNNING);
            assertThat(drain.status()).isEqualTo("node-a is DRAINING: 40 sessions, 31 users left; waiting for DRAINED");

            nodeIs("node-a", NodeState.DRAINED);
            assertThat(drain.state()).isEqualTo(OperationState.COMPLETED);
            assertThat(drain.progressProperty().get()).isEqualTo(1.0);
        }

        @Test
        void shouldFailWhenNodeRejectsTheCommand() {
            Operation drain = viewModel.drain("node-a");

            answer(CommandOutcome.REJECTED);

            assertThat(drain.state()).isEqualTo(OperationState.FAILED);
            assertThat(drain.status()).isEqualTo("node-a rejected the command: msg");
        }

        @Test
        void shouldFailWhenNoNodeAnswersInTime() {
            Operation drain = viewModel.drain("node-a");

            clock.advance(OperationsViewModel.ANSWER_TIMEOUT.plusSeconds(1));
            viewModel.update(nodes);

            assertThat(drain.state()).isEqualTo(OperationState.FAILED);
            assertThat(drain.status()).startsWith("No node answered within 30 s");
        }

        @Test
        void shouldFailWhenSendingFails() {
            gateway.failing = true;

            Operation drain = viewModel.drain("node-a");

            assertThat(drain.state()).isEqualTo(OperationState.FAILED);
            assertThat(drain.status()).isEqualTo("Could not send DRAIN to node-a: cluster unreachable");
        }

        @Test
        void shouldSayWhatWillHappenBeforeDraining() {
            assertThat(viewModel.describeDrain("node-a"))
                    .contains("sends them to node-b", "40 sessions (31 users)", "It owns the scheduler",
                            "The live submissions it owns (12)");
        }

        @Test
        void shouldWarnWhenNodeIsTheOnlyReadyOne() {
            nodeIs("node-b", NodeState.DRAINED);

            assertThat(viewModel.describeDrain("node-a")).contains("NO other node");
        }
    }

    @Nested
    class Rolling {

        @Test
        void shouldDrainWaitForOperatorUndrainAndGoOnNodeByNode() {
            Operation rolling = viewModel.rolling(List.of("node-a", "node-b"));
            assertThat(gateway.sent).extracting(OperatorCommand::kind).containsExactly(CommandKind.DRAIN);

            nodeIs("node-a", NodeState.DRAINED);
            assertThat(rolling.state()).isEqualTo(OperationState.WAITING_FOR_OPERATOR);
            assertThat(gateway.sent).hasSize(1);

            viewModel.confirm(rolling);
            assertThat(gateway.sent).extracting(OperatorCommand::kind).containsExactly(CommandKind.DRAIN, CommandKind.UNDRAIN);
            nodeIs("node-a", NodeState.READY);

            assertThat(gateway.sent).extracting(OperatorCommand::targetNodeId).containsExactly("node-a", "node-a", "node-b");
            nodeIs("node-b", NodeState.DRAINED);
            viewModel.confirm(rolling);
            nodeIs("node-b", NodeState.READY);
            assertThat(rolling.state()).isEqualTo(OperationState.COMPLETED);
        }

        @Test
        void shouldHaltAtFirstFailure() {
            Operation rolling = viewModel.rolling(List.of("node-a", "node-b"));

            answer(CommandOutcome.FAILED);
            viewModel.update(nodes);

            assertThat(rolling.state()).isEqualTo(OperationState.FAILED);
            assertThat(gateway.sent).extracting(OperatorCommand::targetNodeId).containsExactly("node-a");
        }

        @Test
        void shouldStopSendingWhenCancelled() {
            Operation rolling = viewModel.rolling(List.of("node-a", "node-b"));
            nodeIs("node-a", NodeState.DRAINED);

            viewModel.cancel(rolling);
            viewModel.confirm(rolling);
            nodeIs("node-a", NodeState.READY);

            assertThat(rolling.state()).isEqualTo(OperationState.CANCELLED);
            assertThat(gateway.sent).hasSize(1);
        }

        @Test
        void shouldRejectWhenNoNodeIsChosen() {
            assertThatIllegalArgumentException().isThrownBy(() -> viewModel.rolling(List.of()));
        }
    }

    @Nested
    class WeightStopAndSettings {

        @Test
        void shouldSendWeightAndCompleteWhenNodeSaysSo() {
            Operation weight = viewModel.changeWeight("node-b", " 42 ");

            assertThat(gateway.sent.get(0).argument()).isEqualTo("42");
            answer(CommandOutcome.COMPLETED);
            assertThat(weight.state()).isEqualTo(OperationState.COMPLETED);
        }

        @Test
        void shouldRejectWeightOutsideTheRangeAndSendNothing() {
            assertThat(OperationsViewModel.validateWeight("257")).contains("A weight is a whole number from 0 to 256");
            assertThat(OperationsViewModel.validateWeight("-1")).isPresent();
            assertThat(OperationsViewModel.validateWeight("abc")).isPresent();
            assertThat(OperationsViewModel.validateWeight("0")).isEmpty();
            assertThatIllegalArgumentException().isThrownBy(() -> viewModel.changeWeight("node-b", "300"));
            assertThat(gateway.sent).isEmpty();
        }

        @Test
        void shouldRefuseToStopNodeThatIsNotDrained() {
            assertThat(viewModel.canStop("node-a")).isFalse();
            assertThatIllegalArgumentException().isThrownBy(() -> viewModel.stop("node-a"))
                    .withMessageContaining("Only a DRAINED node");
            assertThat(gateway.sent).isEmpty();
        }

        @Test
        void shouldStopDrainedNodeAndCompleteWhenItLeaves() {
            nodeIs("node-b", NodeState.DRAINED);
            Operation stop = viewModel.stop("node-b");

            nodes.remove("node-b");
            viewModel.update(nodes);

            assertThat(gateway.sent.get(0).kind()).isEqualTo(CommandKind.STOP);
            assertThat(stop.state()).isEqualTo(OperationState.COMPLETED);
        }

        @Test
        void shouldSendSettingToAllNodes() {
            viewModel.setSetting(ClusterSetting.SAVES_PER_MINUTE, "200");

            OperatorCommand sent = gateway.sent.get(0);
            assertThat(sent.targetNodeId()).isEqualTo(OperatorCommand.ALL_NODES);
            assertThat(sent.argument()).isEqualTo("rate-limit.saves-per-minute=200");
        }

        @Test
        void shouldRejectInvalidSettingAndSendNothing() {
            assertThatIllegalArgumentException().isThrownBy(() -> viewModel.setSetting(ClusterSetting.FILE_UPLOADS_ENABLED, "maybe"));
            assertThat(OperationsViewModel.validateSetting(ClusterSetting.ANNOUNCEMENT_BANNER, "a\nb")).contains("A setting is one line");
            assertThat(gateway.sent).isEmpty();
        }

        @Test
        void shouldRefuseEveryActionWithoutCredential() {
            viewModel.useCredential(null);

            assertThat(viewModel.canSignProperty().get()).isFalse();
            assertThatIllegalStateException().isThrownBy(() -> viewModel.drain("node-a"));
            assertThat(gateway.sent).isEmpty();
        }

        @Test
        void shouldRemoveOnlyFinishedOperationsWhenCleared() {
            Operation done = viewModel.changeWeight("node-b", "5");
            answer(CommandOutcome.COMPLETED);
            Operation running = viewModel.drain("node-a");

            viewModel.clearFinished();

            assertThat(viewModel.operations()).containsExactly(running).doesNotContain(done);
        }
    }

    private static final class FakeGateway implements CommandGateway {

        private final List<OperatorCommand> sent = new ArrayList<>();
        private final Map<String, CommandResult> results = new HashMap<>();
        private boolean failing;

        @Override
        public void submit(OperatorCommand command) {
            if (failing) {
                throw new IllegalStateException("cluster unreachable");
            }
            sent.add(command);
        }

        @Override
        public Map<String, CommandResult> results(Collection<String> commandIds) {
            Map<String, CommandResult> answered = new HashMap<>();
            commandIds.stream().filter(results::containsKey).forEach(id -> answered.put(id, results.get(id)));
            return answered;
        }
    }

    private static final class MutableClock extends Clock {

        private Instant now = Instant.ofEpochMilli(Statuses.NOW);

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
