package org.lectern.packaging.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lectern.shared.testing.RequiredPrograms;

/**
 * The HAProxy configuration {@code ./lectern cluster up} writes (spread, queue, and checks beside the requests), and
 * how the tool reads HAProxy's {@code show stat}.
 */
class HaproxyTest {

    @TempDir
    Path base;

    private ClusterLayout layout() {
        // The stats socket's path must stay short: the cluster's directory is the temporary one itself.
        ClusterLayout defaults = ClusterLayout.defaults(base, 3, ClusterLayout.DEFAULT_FRONT_PORT);
        return new ClusterLayout(base, base, defaults.frontPort(), defaults.plainPort(), defaults.statsPort(),
                defaults.postgresPort(), defaults.stompPort(), defaults.jmxPort(), defaults.nodes());
    }

    private String render() {
        return new Haproxy(layout(), Path.of("haproxy"), new ProcessRegistry(base.resolve("run"),
                base.resolve("logs"))).render();
    }

    private static String backend(String config, String name) {
        String from = config.substring(config.indexOf("\nbackend " + name + "\n") + 1);
        int end = from.indexOf("\n\n");
        return end < 0 ? from : from.substring(0, end);
    }

    @Test
    void shouldSpreadByLeastConnectionsWhenRendered() {
        String config = render();

        assertThat(config).doesNotContain("balance source").doesNotContain("hash-type");
        assertThat(backend(config, "nodes")).contains("balance leastconn");
        assertThat(backend(config, "websockets")).contains("balance leastconn");
    }

    @Test
    void shouldQueueRequestsBeyondEachNodesLimitWhenRendered() {
        String config = render();

        assertThat(config).containsPattern("(?m)^    timeout queue \\d+s$")
                .containsPattern("(?m)^    http-error status 503 .*hdr Retry-After ");
        assertThat(backend(config, "nodes")).containsPattern("(?m)^    default-server .* maxconn \\d+$");
        assertThat(backend(config, "websockets")).doesNotContainPattern("(?m)^    (default-)?server .*maxconn");
    }

    @Test
    void shouldQueueLoginsInABackendOfTheirOwnWhenRendered() {
        String config = render();

        assertThat(config).contains("use_backend logins if METH_POST { path /api/auth/login }")
                .doesNotContain("set-priority-class int(10)");
        assertThat(backend(config, "logins")).contains("balance leastconn", "timeout queue 5m",
                "option abortonclose").containsPattern("(?m)^    default-server .* maxconn 2$");
    }

    @Test
    void shouldSendWebSocketHandshakesToTheirOwnBackendWhenRendered() {
        assertThat(render()).contains("acl websocket hdr(Upgrade) -i websocket", "use_backend websockets if websocket",
                "default_backend nodes");
    }

    @Test
    void shouldCheckEachNodeOnItsHealthPortAndAgentWhenRendered() {
        String config = render();

        for (String backend : List.of("nodes", "logins", "websockets")) {
            assertThat(backend(config, backend)).contains("option httpchk GET /live",
                    "server node-1 127.0.0.1:8101 check port 8301 agent-check agent-port 8201",
                    "server node-3 127.0.0.1:8103 check port 8303 agent-check agent-port 8203");
        }
    }

    @Test
    void shouldPassHaproxysOwnCheckWhenRendered() throws Exception {
        Path haproxy = RequiredPrograms.require(SystemPrograms.haproxy(), "haproxy", "haproxy");
        ClusterTls.ensureCertificate(layout());
        Path file = base.resolve("haproxy.cfg");
        Files.writeString(file, render());

        Process check = new ProcessBuilder(haproxy.toString(), "-c", "-f", file.toString()).redirectErrorStream(true)
                .start();
        String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(check.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(check.exitValue()).as(output).isZero();
        assertThat(output).doesNotContain("[WARNING]");
    }

    @Test
    void shouldServeStudentsOverTlsOnlyWhenRendered() {
        String config = render();

        assertThat(config).contains("bind 127.0.0.1:8443 ssl crt " + layout().certificateAndKey(),
                "http-request set-header X-Forwarded-Proto https",
                "bind 127.0.0.1:8000\n    http-request redirect prefix https://127.0.0.1:8443 code 301",
                "bind 127.0.0.1:8404 ssl crt " + layout().certificateAndKey());
    }

    @Test
    void shouldGuardTheStatsPageAndTheRuntimeApiWhenRendered() {
        String config = render();

        assertThat(config).contains("stats auth operator:" + Secrets.loadOrCreate(base).statsPassword(),
                "stats socket " + base.resolve("haproxy/admin.sock") + " mode 600 level admin");
        assertThat(Secrets.loadOrCreate(base).statsPassword()).hasSizeGreaterThanOrEqualTo(24);
    }

    @Test
    void shouldReadTheNodesOfTheBackendWhenShowStatAnswers() throws Exception {
        String csv = "# pxname,svname,scur,status,weight,check_status,agent_status,\n"
                + "lectern,FRONTEND,3,OPEN,,,,\n"
                + "nodes,node-1,2,UP,100,L7OK,L7OK,\n"
                + "nodes,node-2,1,\"UP 1/2\",50,\"L7OK, slow\",,\n"
                + "nodes,BACKEND,3,UP,150,,,\n"
                + "websockets,node-1,40,UP,100,L7OK,L7OK,\n"
                + "stats,node-9,0,UP,1,,,\n";

        assertThat(Haproxy.servers(csv, "nodes")).containsOnlyKeys("node-1", "node-2")
                .containsEntry("node-1", new Haproxy.ServerState("node-1", "UP", 100, 2, "L7OK", "L7OK"))
                .containsEntry("node-2", new Haproxy.ServerState("node-2", "UP 1/2", 50, 1, "L7OK, slow", ""));
        assertThat(Haproxy.servers(csv, "websockets")).containsOnlyKeys("node-1");
    }

    @Test
    void shouldRefuseTheAnswerWhenItIsNotShowStatCsv() {
        assertThatIOException().isThrownBy(() -> Haproxy.servers("Unknown command.\n", "nodes"));
    }
}
