package org.lectern.node.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.lectern.node.support.DemoWork;
import org.lectern.node.support.LecternClient;
import org.lectern.node.support.OperatorConsole;
import org.lectern.node.support.StompTestClient;
import org.lectern.node.support.TestNodes;
import org.lectern.shared.cluster.ClusterEventKind;
import org.lectern.shared.operations.CommandKind;
import org.lectern.shared.operations.CommandOutcome;
import org.lectern.shared.operations.CommandResult;
import org.lectern.shared.operations.OperatorCommand;
import org.lectern.shared.settings.ClusterSetting;
import org.lectern.shared.settings.SettingsView;
import org.lectern.shared.testing.FreePorts;
import org.lectern.shared.topics.Destinations;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Cluster settings changed once by a console reach every node, a node started later, browsers (live and by REST),
 * take effect (uploads refused, saves limited), refuse invalid values, and survive a restart of the whole cluster
 * because the nodes share the database, as real ones do.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterSettingsIT {

    private static final Duration ANSWER = Duration.ofSeconds(20);
    private static final String TOKEN_SECRET = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String DATABASE = "jdbc:h2:mem:settings-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
    private static final long NO_SUCH_EXERCISE = 987_654_321L;

    @TempDir
    static Path dataDir;

    private static TestNodes.Pair nodes;
    private static OperatorConsole console;
    private static int stompPort;
    private static int portA;
    private static int portB;

    @BeforeAll
    static void startCluster() {
        stompPort = FreePorts.next();
        nodes = TestNodes.startPair("set-a", "set-b", dataDir, shared(Map.of("lectern.broker.stomp-port", stompPort)));
        console = OperatorConsole.connect(nodes.clusterName(), nodes.memberPortA());
        portA = TestNodes.httpPort(nodes.a());
        portB = TestNodes.httpPort(nodes.b());
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

    private static Map<String, Object> shared(Map<String, Object> more) {
        Map<String, Object> settings = new HashMap<>(OperatorConsole.nodeSettings());
        settings.put("spring.datasource.url", DATABASE);
        settings.put("lectern.security.token-secret", TOKEN_SECRET);
        settings.putAll(more);
        return settings;
    }

    private static String token(int port, String login) {
        return new LecternClient("http://127.0.0.1:" + port).tokenFor(login, "demo");
    }

    private static String valueOn(ConfigurableApplicationContext node, ClusterSetting setting) {
        return node.getBean(ClusterSettings.class).value(setting);
    }

    private static CommandResult set(String argument, CommandOutcome expected) {
        OperatorCommand command = console.send(CommandKind.SET_SETTING, OperatorCommand.ALL_NODES, argument);
        CommandResult result = console.awaitResult(command, ANSWER, CommandOutcome.COMPLETED, CommandOutcome.REJECTED);
        assertThat(result.outcome()).as(result.message()).isEqualTo(expected);
        return result;
    }

    @Test
    @Order(1)
    void shouldApplyAChangeOnEveryNodeAndTellBrowsersLive() throws Exception {
        String student = token(portB, "student1");
        try (StompTestClient browser = StompTestClient.connect(portB, student)) {
            BlockingQueue<SettingsView> changes = browser.subscribeSequenced(Destinations.SETTINGS, SettingsView.class);

            set("feature.file-uploads=false", CommandOutcome.COMPLETED);

            SettingsView change = changes.poll(20, TimeUnit.SECONDS);
            assertThat(change).isNotNull();
            assertThat(change.changedKey()).isEqualTo("feature.file-uploads");
            assertThat(change.values()).containsEntry("feature.file-uploads", "false")
                    .containsKeys("exam.autosave-interval-seconds", "announcement.banner");
        }
        await().atMost(ANSWER).untilAsserted(() -> {
            assertThat(valueOn(nodes.a(), ClusterSetting.FILE_UPLOADS_ENABLED)).isEqualTo("false");
            assertThat(valueOn(nodes.b(), ClusterSetting.FILE_UPLOADS_ENABLED)).isEqualTo("false");
        });
        assertThat(console.settings()).containsEntry("feature.file-uploads", "false");
        HttpResponse<String> read = new LecternClient("http://127.0.0.1:" + portA).get("/api/settings", student);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains("\"feature.file-uploads\":\"false\"");
        await().atMost(ANSWER).untilAsserted(() -> assertThat(console.events()).anySatisfy(event -> {
            assertThat(event.kind()).isEqualTo(ClusterEventKind.SETTING_CHANGED);
            assertThat(event.message()).contains("feature.file-uploads", "ops-alice");
        }));
    }

    @Test
    @Order(2)
    void shouldRefuseUploadsOnEveryNodeWhileTheyAreSwitchedOff() {
        for (int port : new int[] {portA, portB}) {
            HttpResponse<String> upload = DemoWork.uploadFile(port, token(port, "student1"), NO_SUCH_EXERCISE);

            assertThat(upload.statusCode()).isEqualTo(409);
            assertThat(upload.body()).contains("File uploads are switched off", "nothing was saved");
        }

        set("feature.file-uploads=true", CommandOutcome.COMPLETED);

        await().atMost(ANSWER).untilAsserted(() -> assertThat(
                DemoWork.uploadFile(portB, token(portB, "student1"), NO_SUCH_EXERCISE).statusCode())
                .as("past the switch, to the exercise that does not exist").isEqualTo(404));
        set("feature.file-uploads=false", CommandOutcome.COMPLETED);
    }

    @Test
    @Order(3)
    void shouldGiveANodeThatStartsLaterTheCurrentValues() {
        set("announcement.banner=Maintenance tonight at 22:00", CommandOutcome.COMPLETED);
        int memberPortC = FreePorts.next();

        try (ConfigurableApplicationContext nodeC = TestNodes.start("set-c", dataDir, shared(Map.of(
                "lectern.cluster.name", nodes.clusterName(),
                "lectern.cluster.port", memberPortC,
                "lectern.cluster.members", "127.0.0.1:" + nodes.memberPortA() + ",127.0.0.1:" + memberPortC,
                "lectern.broker.embedded", false,
                "lectern.broker.stomp-port", stompPort)))) {

            assertThat(valueOn(nodeC, ClusterSetting.FILE_UPLOADS_ENABLED)).isEqualTo("false");
            assertThat(valueOn(nodeC, ClusterSetting.ANNOUNCEMENT_BANNER)).isEqualTo("Maintenance tonight at 22:00");
        }
        // The oldest member alone reports membership changes: each once.
        await().atMost(ANSWER).untilAsserted(() -> {
            assertThat(console.events()).filteredOn(event -> event.kind() == ClusterEventKind.MEMBER_JOINED)
                    .singleElement().satisfies(event -> assertThat(event.nodeId()).isEqualTo("set-a"));
            assertThat(console.events()).filteredOn(event -> event.kind() == ClusterEventKind.MEMBER_LEFT)
                    .singleElement().satisfies(event -> assertThat(event.message()).contains("127.0.0.1:" + memberPortC));
        });
    }

    @Test
    @Order(4)
    void shouldRejectInvalidSettingsAndChangeNothing() {
        assertThat(set("exam.autosave-interval-seconds=2", CommandOutcome.REJECTED).message()).contains("5 to 3600");
        assertThat(set("feature.file-uploads=maybe", CommandOutcome.REJECTED).message()).contains("true or false");
        assertThat(set("feature.teleport=true", CommandOutcome.REJECTED).message())
                .contains("no setting 'feature.teleport'");
        assertThat(set("feature.file-uploads", CommandOutcome.REJECTED).message()).contains("key=value");
        OperatorCommand toOneNode = console.send(CommandKind.SET_SETTING, "set-a", "feature.file-uploads=true");
        assertThat(console.awaitResult(toOneNode, ANSWER, CommandOutcome.REJECTED).message())
                .contains("for all nodes");

        assertThat(valueOn(nodes.a(), ClusterSetting.AUTOSAVE_INTERVAL_SECONDS)).isEqualTo("30");
        assertThat(valueOn(nodes.b(), ClusterSetting.FILE_UPLOADS_ENABLED)).isEqualTo("false");
        assertThat(console.settings()).doesNotContainKey("feature.teleport");
    }

    @Test
    @Order(5)
    void shouldLimitAUsersSavesToTheSetRate() {
        set("rate-limit.saves-per-minute=2", CommandOutcome.COMPLETED);
        String limited = token(portA, "student5");
        String other = token(portA, "student6");
        long exercise = DemoWork.textExerciseId(portA, limited);
        await().atMost(ANSWER).until(() -> valueOn(nodes.a(), ClusterSetting.SAVES_PER_MINUTE).equals("2"));

        assertThat(DemoWork.saveText(portA, limited, exercise, "one").statusCode()).isEqualTo(200);
        assertThat(DemoWork.saveText(portA, limited, exercise, "two").statusCode()).isEqualTo(200);
        HttpResponse<String> third = DemoWork.saveText(portA, limited, exercise, "three");

        assertThat(third.statusCode()).isEqualTo(429);
        assertThat(third.headers().firstValue("Retry-After")).hasValueSatisfying(seconds ->
                assertThat(Integer.parseInt(seconds)).isBetween(1, 60));
        assertThat(third.body()).contains("More than 2 saves a minute");
        assertThat(DemoWork.saveText(portA, other, exercise, "mine").statusCode()).isEqualTo(200);

        set("rate-limit.saves-per-minute=120", CommandOutcome.COMPLETED);
        await().atMost(ANSWER).untilAsserted(() ->
                assertThat(DemoWork.saveText(portA, limited, exercise, "four").statusCode()).isEqualTo(200));
    }

    @Test
    @Order(6)
    void shouldKeepTheValuesWhenTheWholeClusterRestarts() {
        nodes.close();
        nodes = null;

        try (ConfigurableApplicationContext restarted = TestNodes.startAlone("set-d", dataDir,
                shared(Map.of("lectern.broker.stomp-port", FreePorts.next())))) {

            assertThat(valueOn(restarted, ClusterSetting.FILE_UPLOADS_ENABLED)).isEqualTo("false");
            assertThat(valueOn(restarted, ClusterSetting.ANNOUNCEMENT_BANNER))
                    .isEqualTo("Maintenance tonight at 22:00");
            assertThat(valueOn(restarted, ClusterSetting.AUTOSAVE_INTERVAL_SECONDS)).isEqualTo("30");
        }
    }
}
