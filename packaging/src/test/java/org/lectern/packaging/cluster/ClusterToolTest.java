package org.lectern.packaging.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code ./lectern cluster} says to a wrong command line, before it touches anything. */
class ClusterToolTest {

    private static final Path HOME = Path.of(System.getProperty("lectern.home", "..")).toAbsolutePath().normalize();

    @TempDir
    Path home;

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    @Nested
    class CommandLine {

        @Test
        void shouldListTheCommandsWhenAskedForHelp() {
            run("help");

            assertThat(output.toString(StandardCharsets.UTF_8)).contains("up [--nodes N] [--port P] [--install]",
                    "status", "stop-node K", "start-node K", "kill-node K", "restart-broker", "restart-db", "down",
                    "logs [PART]", "partition K [--seconds N]", "heal");
        }

        @Test
        void shouldRefuseAnArgumentToRestartTheDatabase() {
            assertThatThrownBy(() -> run("restart-db", "now")).isInstanceOf(ClusterException.class)
                    .hasMessage("unexpected argument 'now' for cluster restart-db");
        }

        @Test
        void shouldRefuseAnOutageOutsideZeroToTenMinutes() {
            assertThatThrownBy(() -> run("restart-db", "--down", "601")).isInstanceOf(ClusterException.class)
                    .hasMessage("--down needs a number from 0 to 600, got '601'");
            assertThatThrownBy(() -> run("restart-db", "--down")).isInstanceOf(ClusterException.class)
                    .hasMessage("--down needs a number");
            assertThatThrownBy(() -> run("restart-db", "--down", "5", "now")).isInstanceOf(ClusterException.class)
                    .hasMessage("unexpected argument 'now' for cluster restart-db");
        }

        @Test
        void shouldRefuseAPartitionWithoutANodeOrWithAWrongCut() {
            assertThatThrownBy(() -> run("partition")).isInstanceOf(ClusterException.class)
                    .hasMessage("partition needs the node's number, e.g. ./lectern cluster partition 2");
            assertThatThrownBy(() -> run("partition", "0")).isInstanceOf(ClusterException.class)
                    .hasMessage("partition needs a number from 1 to 9, got '0'");
            assertThatThrownBy(() -> run("partition", "2", "--seconds", "0")).isInstanceOf(ClusterException.class)
                    .hasMessage("--seconds needs a number from 1 to 600, got '0'");
            assertThatThrownBy(() -> run("partition", "2", "--for", "30")).isInstanceOf(ClusterException.class)
                    .hasMessage("unexpected argument '--for' for cluster partition");
            assertThat(ClusterTool.cutFor(new String[] {"partition", "2"})).isEqualTo(ClusterTool.DEFAULT_CUT);
        }

        @Test
        void shouldRefuseAnUnknownCommand() {
            assertThatThrownBy(() -> run("deploy")).isInstanceOf(ClusterException.class)
                    .hasMessage("unknown cluster command 'deploy' (see ./lectern cluster help)");
        }

        @Test
        void shouldRefuseANodeCountOutOfRange() {
            assertThatThrownBy(() -> run("up", "--nodes", "12")).isInstanceOf(ClusterException.class)
                    .hasMessage("--nodes needs a number from 1 to 9, got '12'");
            assertThat(home.resolve(".lectern")).doesNotExist();
        }

        @Test
        void shouldRefuseAPortThatIsNoNumber() {
            assertThatThrownBy(() -> run("up", "--port", "eighty")).isInstanceOf(ClusterException.class)
                    .hasMessage("--port needs a number from 1 to 65535, got 'eighty'");
        }

        @Test
        void shouldRefuseAnUnknownOption() {
            assertThatThrownBy(() -> run("up", "--fast")).isInstanceOf(ClusterException.class)
                    .hasMessage("unknown option for cluster up: '--fast' (see ./lectern cluster help)");
        }
    }

    @Nested
    class WithoutACluster {

        @Test
        void shouldSayHowToStartOneWhenAskedForStatus() {
            assertThatThrownBy(() -> run("status")).isInstanceOf(ClusterException.class)
                    .hasMessage("no cluster in " + home.resolve(".lectern/cluster")
                            + " (start one with ./lectern cluster up)");
        }
    }

    @Nested
    class WithASavedCluster {

        @Test
        void shouldRefuseANodeItDoesNotHave() {
            ClusterLayout.defaults(home, 3, 8000).save();

            assertThatThrownBy(() -> run("kill-node", "4")).isInstanceOf(ClusterException.class)
                    .hasMessage("there is no node 4: this cluster has nodes 1 to 3");
            assertThatThrownBy(() -> run("stop-node")).isInstanceOf(ClusterException.class)
                    .hasMessage("stop-node needs the node's number, e.g. ./lectern cluster stop-node 2");
            assertThatThrownBy(() -> run("start-node", "two")).isInstanceOf(ClusterException.class)
                    .hasMessage("start-node needs a number from 1 to 9, got 'two'");
        }

        @Test
        void shouldSaveWhatTheDrillsReadToFindTheCluster() throws IOException {
            ClusterLayout.defaults(home, 3, 8000).save();
            Path base = home.resolve(".lectern/cluster");
            Secrets.loadOrCreate(base);

            // bench's LocalClusterState reads these keys: a drill needs no option to find the cluster.
            Properties layout = new Properties();
            try (Reader in = Files.newBufferedReader(base.resolve("cluster.properties"))) {
                layout.load(in);
            }
            assertThat(layout).containsEntry("front-port", "8000").containsEntry("postgres-port", "5433")
                    .containsEntry("jmx-port", "1099").containsEntry("nodes", "3")
                    .containsEntry("node-1", "8101,8201,5801,8301");
            Properties secrets = new Properties();
            try (Reader in = Files.newBufferedReader(base.resolve("secrets.properties"))) {
                secrets.load(in);
            }
            assertThat(secrets.getProperty("database-password")).isNotBlank();
        }

        @Test
        void shouldNameThePartsWhenAskedForAnUnknownLog() {
            ClusterLayout.defaults(home, 2, 8000).save();

            assertThatThrownBy(() -> run("logs", "node-3")).isInstanceOf(ClusterException.class)
                    .hasMessage("no part 'node-3': choose postgres, broker, haproxy, node-1, node-2");
        }

        @Test
        void shouldReportEveryPartStoppedWhenNothingRuns() {
            ClusterLayout.defaults(home, 2, 8000).save();

            run("status");

            assertThat(output.toString(StandardCharsets.UTF_8).lines()).hasSize(5)
                    .allSatisfy(line -> assertThat(line).contains("STOPPED"));
        }
    }

    @Nested
    class Up {

        @Test
        void shouldNameTheBusyPortAndStartNothing() throws Exception {
            ClusterLayout free = TestPorts.layout(HOME, home.resolve("cluster"), 2);
            try (ServerSocket occupied = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                ClusterLayout layout = new ClusterLayout(HOME, free.base(), occupied.getLocalPort(), free.plainPort(),
                        free.statsPort(), free.postgresPort(), free.stompPort(), free.jmxPort(), free.nodes());
                PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);

                assertThatThrownBy(() -> new LocalCluster(layout).up(out)).isInstanceOf(ClusterException.class)
                        .hasMessageStartingWith("HAProxy port " + occupied.getLocalPort() + " is busy on 127.0.0.1");
                assertThat(free.base()).doesNotExist();
            }
        }
    }

    private void run(String... args) {
        ClusterTool.run(args, home, new PrintStream(output, true, StandardCharsets.UTF_8));
    }
}
