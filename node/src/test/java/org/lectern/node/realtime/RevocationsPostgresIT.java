package org.lectern.node.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.lectern.node.realtime.StompProbe.Outcome;
import org.lectern.node.support.LecternClient;
import org.lectern.node.support.PostgresDatabases;
import org.lectern.node.support.TestCluster;
import org.lectern.node.support.TestNodes;
import org.lectern.node.user.UserDirectory;
import org.lectern.shared.realtime.Realtime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.messaging.simp.stomp.StompHeaders;

/**
 * Revocations and roles hold on every node and outlive the cluster: "log out everywhere" ends a user's STOMP sessions
 * on both nodes and refuses their tokens; a demoted administrator loses the role with the next
 * request; and after every node stopped and started again on the same database, revoked tokens stay refused.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RevocationsPostgresIT {

    private static final String SYSTEM = "/topic/system";
    private static final String ANY_LOGIN_MAY_READ = "/api/settings";

    @TempDir
    static Path dataDir;

    private static String database;
    private static TestCluster cluster;
    /** Tokens that must be refused after the restart, and one that must not. */
    private static String loggedOut;
    private static String revokedEverywhere;
    private static String untouched;

    @BeforeAll
    static void startTwoNodes() {
        database = PostgresDatabases.create("revocations_" + System.nanoTime());
        cluster = TestCluster.start(2, "revocations", dataDir, database);
    }

    @AfterAll
    static void stopNodes() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private static LecternClient client(int node) {
        return new LecternClient(cluster.baseUrl(node));
    }

    private static int port(int node) {
        return TestNodes.httpPort(cluster.node(node));
    }

    private static int status(int node, String token) {
        return client(node).get(ANY_LOGIN_MAY_READ, token).statusCode();
    }

    private static int logOutEverywhere(int node, String login, String token) {
        return client(node).post("/api/admin/users/" + login + "/log-out-everywhere", token, "").statusCode();
    }

    @Test
    @Order(1)
    void shouldEndEverySessionOfTheUserOnEveryNodeAndRefuseTheirTokens() throws Exception {
        String first = client(0).tokenFor("student7", "demo");
        String second = client(1).tokenFor("student7", "demo");
        String admin = client(1).tokenFor("admin", "demo");
        String otherUser = client(0).tokenFor("student8", "demo");
        try (StompProbe onNode1 = StompProbe.connect(port(0), first);
                StompProbe onNode2 = StompProbe.connect(port(1), second);
                StompProbe bystander = StompProbe.connect(port(0), otherUser)) {
            for (StompProbe probe : new StompProbe[] {onNode1, onNode2, bystander}) {
                assertThat(probe.subscribe(SYSTEM)).isEqualTo(Outcome.RECEIPT);
            }

            assertThat(logOutEverywhere(1, "student7", admin)).isEqualTo(204);

            for (StompProbe ended : new StompProbe[] {onNode1, onNode2}) {
                Optional<StompHeaders> error = ended.errorHeaders();
                assertThat(ended.awaitClosed()).isTrue();
                error.ifPresent(frame -> assertThat(frame.getFirst(Realtime.CONTROL_HEADER)).isEqualTo("SESSION_ENDED"));
            }
            assertThat(bystander.subscribe(SYSTEM)).isEqualTo(Outcome.RECEIPT);
            assertThat(bystander.isConnected()).isTrue();
        }
        for (int node = 0; node < 2; node++) {
            assertThat(status(node, first)).isEqualTo(401);
            assertThat(status(node, second)).isEqualTo(401);
            assertThat(status(node, otherUser)).isEqualTo(200);
        }
        // Token times have whole seconds: a login after that second is valid again.
        String later = await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(250))
                .until(() -> client(0).tokenFor("student7", "demo"), token -> status(1, token) == 200);
        assertThat(later).isNotBlank();
        revokedEverywhere = first;
    }

    @Test
    @Order(2)
    void shouldRefuseLogOutEverywhereToNonAdministratorsAndAnswer404ForAnUnknownUser() {
        String tutor = client(0).tokenFor("tutor", "demo");
        String student = client(0).tokenFor("student9", "demo");
        String admin = client(0).tokenFor("admin", "demo");

        assertThat(logOutEverywhere(0, "student9", tutor)).isEqualTo(403);
        assertThat(logOutEverywhere(0, "student9", student)).isEqualTo(403);
        assertThat(client(0).post("/api/admin/users/student9/log-out-everywhere", null, "").statusCode())
                .isEqualTo(401);
        assertThat(logOutEverywhere(1, "no-such-user", admin)).isEqualTo(404);
        assertThat(status(0, student)).as("nothing was revoked").isEqualTo(200);
    }

    @Test
    @Order(3)
    void shouldTakeTheAdministratorRoleFromADemotedAdministratorAtOnce() {
        cluster.node(0).getBean(UserDirectory.class).create("admin-demoted", "Demoted Admin", "demo", true);
        String token = client(0).tokenFor("admin-demoted", "demo");
        assertThat(logOutEverywhere(1, "no-such-user", token)).as("an administrator passes").isEqualTo(404);

        cluster.node(0).getBean(JdbcTemplate.class).update("update users set admin = false where login = ?",
                "admin-demoted");

        assertThat(logOutEverywhere(1, "no-such-user", token)).as("the same token, demoted").isEqualTo(403);
        assertThat(logOutEverywhere(0, "no-such-user", token)).isEqualTo(403);
    }

    @Test
    @Order(4)
    void shouldKeepRevokedTokensRefusedAfterAFullRestartOnTheSameDatabase() {
        loggedOut = client(0).tokenFor("student10", "demo");
        untouched = client(0).tokenFor("student11", "demo");
        assertThat(client(1).post("/api/auth/logout", loggedOut, "").statusCode()).isEqualTo(204);
        assertThat(status(0, loggedOut)).isEqualTo(401);

        cluster.close();
        cluster = null;
        cluster = TestCluster.start(2, "revocations-again", dataDir, database);

        for (int node = 0; node < 2; node++) {
            assertThat(status(node, loggedOut)).as("logged out, node %d", node).isEqualTo(401);
            assertThat(status(node, revokedEverywhere)).as("logged out everywhere, node %d", node).isEqualTo(401);
            assertThat(status(node, untouched)).as("never revoked, node %d", node).isEqualTo(200);
        }
    }
}
