package org.lectern.node.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lectern.node.balancer.WeightControl;
import org.lectern.node.support.OperatorConsole;
import org.lectern.node.support.TestNodes;
import org.lectern.shared.cluster.ClusterEvent;
import org.lectern.shared.cluster.ClusterEventKind;
import org.lectern.shared.operations.AuditEntry;
import org.lectern.shared.operations.CommandKind;
import org.lectern.shared.operations.CommandOutcome;
import org.lectern.shared.operations.CommandResult;
import org.lectern.shared.operations.OperatorCommand;
import org.lectern.shared.operations.OperatorSignatures;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two nodes and a console (a real Hazelcast client) that signs and puts commands as the operations console does:
 * genuine commands are carried out on their target node only and audited; forged, stale, replayed, misaddressed and
 * invalid ones are rejected with a reason, change nothing, and are audited and reported on the timeline.
 */
class OperatorCommandsIT {

    private static final Duration ANSWER = Duration.ofSeconds(20);

    @TempDir
    static Path dataDir;

    private static TestNodes.Pair nodes;
    private static OperatorConsole console;

    @BeforeAll
    static void startCluster() {
        nodes = TestNodes.startPair("ops-a", "ops-b", dataDir, OperatorConsole.nodeSettings());
        console = OperatorConsole.connect(nodes.clusterName(), nodes.memberPortA());
    }

    @AfterAll
    static void stopCluster() {
        if (console != null) {
            console.close();
        }
        if (nodes != null) {
            nodes.close();
        }
    }

    private static int weightOf(ConfigurableApplicationContext node) {
        return node.getBean(WeightControl.class).weight();
    }

    private static List<AuditEntry> auditedOn(ConfigurableApplicationContext node, OperatorCommand command) {
        return node.getBean(AuditLog.class).linesOf(command.commandId());
    }

    @Nested
    class SetWeight {

        @Test
        void shouldChangeTheTargetsWeightAndAuditItWhenSignedByTheOperator() {
            int weightOfA = weightOf(nodes.a());

            OperatorCommand command = console.send(CommandKind.SET_WEIGHT, "ops-b", "7");

            CommandResult result = console.awaitResult(command, ANSWER, CommandOutcome.COMPLETED);
            assertThat(result.nodeId()).isEqualTo("ops-b");
            assertThat(weightOf(nodes.b())).isEqualTo(7);
            assertThat(weightOf(nodes.a())).isEqualTo(weightOfA);
            await().atMost(ANSWER).untilAsserted(() ->
                    assertThat(console.statuses().get("ops-b").weight()).isEqualTo(7));
            assertThat(auditedOn(nodes.b(), command)).extracting(AuditEntry::outcome)
                    .containsExactly(CommandOutcome.ACCEPTED, CommandOutcome.COMPLETED);
            assertThat(console.auditLog().get(command.commandId())).satisfies(entry -> {
                assertThat(entry.operator()).isEqualTo("ops-alice");
                assertThat(entry.kind()).isEqualTo(CommandKind.SET_WEIGHT);
                assertThat(entry.argument()).isEqualTo("7");
                assertThat(entry.outcome()).isEqualTo(CommandOutcome.COMPLETED);
            });
            await().atMost(ANSWER).untilAsserted(() -> assertThat(console.events())
                    .anySatisfy(event -> {
                        assertThat(event.kind()).isEqualTo(ClusterEventKind.WEIGHT_CHANGED);
                        assertThat(event.nodeId()).isEqualTo("ops-b");
                    }));
        }
    }

    @Nested
    class Rejected {

        @Test
        void shouldRejectACommandWhoseSignatureDoesNotVerify() {
            OperatorCommand forged = OperatorSignatures.sign(CommandKind.SET_WEIGHT, "ops-a", "0", "mallory",
                    System.currentTimeMillis(), "not-the-operator-credential-of-this-cluster".getBytes());

            assertRejected(forged, nodes.a(), "signature");
        }

        @Test
        void shouldRejectACommandWhoseArgumentWasAlteredAfterSigning() {
            OperatorCommand signed = console.sign(CommandKind.SET_WEIGHT, "ops-a", "3");
            OperatorCommand altered = new OperatorCommand(signed.commandId(), signed.kind(), signed.targetNodeId(), "0",
                    signed.operator(), signed.issuedAtMillis(), signed.signature());

            assertRejected(altered, nodes.a(), "signature");
        }

        @Test
        void shouldRejectACommandIssuedTooLongAgo() {
            OperatorCommand stale = OperatorSignatures.sign(CommandKind.SET_WEIGHT, "ops-a", "0", "ops-alice",
                    System.currentTimeMillis() - Duration.ofMinutes(5).toMillis(), OperatorConsole.CREDENTIAL);

            assertRejected(stale, nodes.a(), "older than");
        }

        @Test
        void shouldRejectACommandDatedInTheFuture() {
            OperatorCommand early = OperatorSignatures.sign(CommandKind.SET_WEIGHT, "ops-a", "0", "ops-alice",
                    System.currentTimeMillis() + Duration.ofMinutes(5).toMillis(), OperatorConsole.CREDENTIAL);

            assertRejected(early, nodes.a(), "future");
        }

        @Test
        void shouldRejectACommandForANodeThatDoesNotExist() {
            OperatorCommand lost = console.sign(CommandKind.SET_WEIGHT, "ops-z", "0");
            int weightOfA = weightOf(nodes.a());
            int weightOfB = weightOf(nodes.b());

            console.send(lost);

            CommandResult result = console.awaitResult(lost, ANSWER, CommandOutcome.REJECTED);

            assertThat(result.message()).contains("no node 'ops-z'");
            assertThat(weightOf(nodes.a())).isEqualTo(weightOfA);
            assertThat(weightOf(nodes.b())).isEqualTo(weightOfB);
            ConfigurableApplicationContext answering = result.nodeId().equals("ops-a") ? nodes.a() : nodes.b();
            assertThat(auditedOn(answering, lost)).extracting(AuditEntry::outcome)
                    .containsExactly(CommandOutcome.REJECTED);
        }

        @Test
        void shouldRejectAWeightOutOfRange() {
            assertRejected(console.sign(CommandKind.SET_WEIGHT, "ops-a", "257"), nodes.a(), "0 to 256");
            assertRejected(console.sign(CommandKind.SET_WEIGHT, "ops-a", "-1"), nodes.a(), "0 to 256");
            assertRejected(console.sign(CommandKind.SET_WEIGHT, "ops-a", "heavy"), nodes.a(), "0 to 256");
        }

        @Test
        void shouldRejectANodeCommandAddressedToAllNodes() {
            OperatorCommand command = console.sign(CommandKind.SET_WEIGHT, OperatorCommand.ALL_NODES, "3");
            int weightOfA = weightOf(nodes.a());
            int weightOfB = weightOf(nodes.b());

            console.send(command);

            CommandResult result = console.awaitResult(command, ANSWER, CommandOutcome.REJECTED);
            assertThat(result.message()).contains("for one node");
            assertThat(weightOf(nodes.a())).isEqualTo(weightOfA);
            assertThat(weightOf(nodes.b())).isEqualTo(weightOfB);
        }

        @Test
        void shouldRejectAReplayedCommandAndKeepTheLaterChange() {
            OperatorCommand first = console.send(CommandKind.SET_WEIGHT, "ops-a", "5");
            console.awaitResult(first, ANSWER, CommandOutcome.COMPLETED);
            OperatorCommand later = console.send(CommandKind.SET_WEIGHT, "ops-a", "9");
            console.awaitResult(later, ANSWER, CommandOutcome.COMPLETED);

            console.send(first);

            await().atMost(ANSWER).untilAsserted(() -> assertThat(auditedOn(nodes.a(), first))
                    .extracting(AuditEntry::outcome)
                    .containsExactly(CommandOutcome.ACCEPTED, CommandOutcome.COMPLETED, CommandOutcome.REJECTED));
            assertThat(auditedOn(nodes.a(), first).get(2).message()).contains("replay");
            assertThat(weightOf(nodes.a())).isEqualTo(9);
            assertThat(console.result(first).outcome()).isEqualTo(CommandOutcome.COMPLETED);
            assertThat(console.auditLog().values()).filteredOn(entry -> entry.commandId().equals(first.commandId()))
                    .extracting(AuditEntry::outcome)
                    .containsExactlyInAnyOrder(CommandOutcome.COMPLETED, CommandOutcome.REJECTED);
            awaitRejectionEvent("replay");
        }

        private void assertRejected(OperatorCommand command, ConfigurableApplicationContext target, String reason) {
            int weightBefore = weightOf(target);

            console.send(command);

            CommandResult result = console.awaitResult(command, ANSWER, CommandOutcome.REJECTED);
            assertThat(result.message()).contains(reason);
            assertThat(weightOf(target)).isEqualTo(weightBefore);
            assertThat(auditedOn(target, command)).singleElement().satisfies(line -> {
                assertThat(line.outcome()).isEqualTo(CommandOutcome.REJECTED);
                assertThat(line.message()).contains(reason);
                assertThat(line.operator()).isEqualTo(command.operator());
            });
            assertThat(console.auditLog().get(command.commandId()).outcome()).isEqualTo(CommandOutcome.REJECTED);
            awaitRejectionEvent(reason);
        }

        private void awaitRejectionEvent(String reason) {
            await().atMost(ANSWER).untilAsserted(() -> assertThat(console.events())
                    .filteredOn(event -> event.kind() == ClusterEventKind.COMMAND_REJECTED)
                    .extracting(ClusterEvent::message)
                    .anySatisfy(message -> assertThat(message).contains(reason)));
        }
    }
}
