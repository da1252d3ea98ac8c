package org.lectern.console.balancer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.lectern.console.support.Statuses.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lectern.console.ui.SynchronousBackgroundExecutor;
import org.lectern.shared.cluster.ClusterStructures;
import org.lectern.shared.cluster.NodeState;
import org.lectern.shared.cluster.NodeStatus;

class BalancerViewModelTest {

    private static final String CSV = """
            # pxname,svname,qcur,qmax,scur,smax,slim,stot,bin,bout,dreq,dresp,ereq,econ,eresp,wretr,wredis,status,weight,act
            lectern,FRONTEND,,,0,0,,0,0,0,0,0,0,,,,,OPEN,,
            nodes,node-a,0,0,0,0,,0,0,0,,0,,0,0,0,0,UP,100,1
            nodes,node-b,0,0,0,0,,0,0,0,,0,,0,0,0,0,UP,100,1
            nodes,node-c,0,0,0,0,,0,0,0,,0,,0,0,0,0,DRAIN,0,1
            nodes,BACKEND,0,0,0,0,,0,0,0,,0,,0,0,0,0,UP,200,2
            """;

    private Map<String, String> published = Map.of(ClusterStructures.BALANCER_STATS, "127.0.0.1:8404");
    private final List<String> readAs = new ArrayList<>();
    private final BalancerViewModel viewModel = new BalancerViewModel(() -> published, (address, user, password) -> {
        readAs.add(user + ":" + password);
        return HaproxyStats.parse(CSV);
    }, new SynchronousBackgroundExecutor());

    @Test
    void shouldReadServerLinesOfTheStatsCsv() {
        assertThat(HaproxyStats.parse(CSV)).containsExactly(
                new BalancerServer("nodes", "node-a", "UP", 100),
                new BalancerServer("nodes", "node-b", "UP", 100),
                new BalancerServer("nodes", "node-c", "DRAIN", 0));
    }

    @Test
    void shouldReadQuotedFieldsAndWindowsLineEndingsWhenHaproxySendsThem() {
        String csv = "# pxname,svname,status,weight,\r\n\"nodes, eu\",node-a,\"UP 1/3\",50,\r\n";

        assertThat(HaproxyStats.parse(csv)).containsExactly(new BalancerServer("nodes, eu", "node-a", "UP 1/3", 50));
    }

    @Test
    void shouldRefuseWhenTextIsNotStatsCsv() {
        assertThatIllegalArgumentException().isThrownBy(() -> HaproxyStats.parse("<html>"));
    }

    @Test
    void shouldFlagWhereHaproxyAndNodesDisagree() {
        NodeStatus a = status("node-a", NodeState.READY);
        NodeStatus b = status("node-b", NodeState.DRAINING);
        NodeStatus c = status("node-c", NodeState.DRAINED);
        NodeStatus d = status("node-d", NodeState.READY);

        viewModel.refresh(Map.of("node-a", a, "node-b", b, "node-c", c, "node-d", d));

        assertThat(viewModel.rows()).extracting(BalancerRow::server, BalancerRow::mismatch).containsExactly(
                org.assertj.core.groups.Tuple.tuple("nodes/node-a", ""),
                org.assertj.core.groups.Tuple.tuple("nodes/node-b", "node is DRAINING but HAProxy still sends it new users"),
                org.assertj.core.groups.Tuple.tuple("nodes/node-c", ""),
                org.assertj.core.groups.Tuple.tuple("node-d", "READY node the balancer does not know"));
        assertThat(viewModel.summaryProperty().get()).isEqualTo("HAProxy at 127.0.0.1:8404: 3 servers, 2 MISMATCH");
    }

    @Test
    void shouldFlagWeightDifference() {
        NodeStatus a = status("node-a", NodeState.READY);
        NodeStatus lighter = new NodeStatus("node-a", a.memberUuid(), a.httpAddress(), a.version(), a.schemaVersion(),
                a.startedAtMillis(), 50, a.state(), a.publishedAtMillis(), true, false, a.load(), a.replicas());

        assertThat(BalancerViewModel.mismatch(new BalancerServer("nodes", "node-a", "UP", 100), lighter))
                .isEqualTo("weight 100 in HAProxy, 50 on the node");
    }

    @Test
    void shouldSayWhenNoStatsAddressIsPublished() {
        published = Map.of();

        viewModel.refresh(Map.of());

        assertThat(viewModel.rows()).isEmpty();
        assertThat(viewModel.summaryProperty().get()).startsWith("The nodes publish no HAProxy stats address");
    }

    @Test
    void shouldReadAsThePublishedUserWithTheTypedPasswordUntilAnotherUserIsTyped() {
        published = Map.of(ClusterStructures.BALANCER_STATS, "https://127.0.0.1:8404/",
                ClusterStructures.BALANCER_STATS_USER, "operator");
        viewModel.passwordProperty().set("typed");

        viewModel.refresh(Map.of());
        assertThat(viewModel.userProperty().get()).isEqualTo("operator");
        viewModel.userProperty().set("olga");
        viewModel.refresh(Map.of());

        assertThat(readAs).containsExactly("operator:typed", "olga:typed");
        assertThat(viewModel.summaryProperty().get()).startsWith("HAProxy at https://127.0.0.1:8404/: 3 servers");
    }
}
