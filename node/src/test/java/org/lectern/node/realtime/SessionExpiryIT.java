package org.lectern.node.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lectern.node.realtime.StompProbe.Outcome;
import org.lectern.node.support.LecternClient;
import org.lectern.node.support.TestNodes;
import org.lectern.shared.realtime.Realtime;
import org.lectern.shared.testing.FreePorts;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.messaging.simp.stomp.StompHeaders;

/** A live session ends when the login token it was opened with expires, with the control the browser obeys. */
class SessionExpiryIT {

    @TempDir
    static Path dataDir;

    private static ConfigurableApplicationContext node;

    @BeforeAll
    static void startNodeWithShortLogins() {
        node = TestNodes.startAlone("expiry", dataDir, Map.of("lectern.security.token-validity", "3s",
                "lectern.broker.stomp-port", FreePorts.next()));
    }

    @AfterAll
    static void stopNode() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void shouldEndTheSessionWhenItsTokenExpires() throws Exception {
        int port = TestNodes.httpPort(node);
        String token = new LecternClient("http://127.0.0.1:" + port).tokenFor("student1", "demo");
        try (StompProbe probe = StompProbe.connect(port, token)) {
            assertThat(probe.subscribe("/topic/system")).isEqualTo(Outcome.RECEIPT);

            StompHeaders error = awaitError(probe);

            assertThat(error.getFirst(Realtime.CONTROL_HEADER)).isEqualTo("SESSION_ENDED");
            assertThat(error.getFirst("message")).isEqualTo("Your login expired");
            assertThat(probe.awaitClosed()).isTrue();
        }
    }

    /** The probe waits 15 s for an ERROR: well beyond the 3 s the token lives. */
    private static StompHeaders awaitError(StompProbe probe) throws Exception {
        return probe.errorHeaders().orElseThrow(() -> new AssertionError("closed without an ERROR frame"));
    }
}
