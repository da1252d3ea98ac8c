package org.lectern.packaging.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HAProxy configuration {@code ./lectern cluster up} writes: spread, queue, and checks beside the requests. */
class HaproxyTest {

    @TempDir
    Path base;

    private String render() {
        // The stats socket's path must stay short: the cluster's directory is the temporary one itself.
        ClusterLayout defaults = ClusterLayout.defaults(base, 3, 8000);
        ClusterLayout layout = new ClusterLayout(base, base, defaults.frontPort(), defaults.statsPort(),
                defaults.postgresPort(), defaults.stompPort(), defaults.jmxPort(), defaults.nodes());
        return new Haproxy(layout, Path.of("haproxy"), new ProcessRegistry(base.resolve("run"), base.resolve("logs")))
                .render();
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
    void shouldSendWebSocketHandshakesToTheirOwnBackendWhenRendered() {
        assertThat(render()).contains("acl websocket hdr(Upgrade) -i websocket", "use_backend websockets if websocket",
                "default_backend nodes");
    }

    @Test
    void shouldCheckEachNodeOnItsHealthPortAndAgentWhenRendered() {
        String config = render();

        for (String backend : List.of("nodes", "websockets")) {
            assertThat(backend(config, backend)).contains("option httpchk GET /live",
                    "server node-1 127.0.0.1:8101 check port 8301 agent-check agent-port 8201",
                    "server node-3 127.0.0.1:8103 check port 8303 agent-check agent-port 8203");
        }
    }

    @Test
    void shouldPassHaproxysOwnCheckWhenRendered() throws Exception {
        Path haproxy = RequiredPrograms.require(SystemPrograms.haproxy(), "haproxy", "haproxy");
        Path file = base.resolve("haproxy.cfg");
        Files.writeString(file, render());

        Process check = new ProcessBuilder(haproxy.toString(), "-c", "-f", file.toString()).redirectErrorStream(true)
                .start();
        String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(check.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(check.exitValue()).as(output).isZero();
        assertThat(output).doesNotContain("[WARNING]");
    }
}
