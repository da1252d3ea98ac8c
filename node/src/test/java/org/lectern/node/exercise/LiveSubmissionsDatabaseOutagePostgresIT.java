package org.lectern.node.exercise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lectern.node.cluster.LiveSubmissions;
import org.lectern.node.support.RestartablePostgres;
import org.lectern.node.support.TestNodes;
import org.lectern.node.user.CurrentUser;
import org.lectern.node.user.UserDirectory;
import org.lectern.node.user.UserSummary;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.core.JdbcTemplate;

/** The database stops during live saves and comes back: no save fails, and all of them reach it afterwards. */
class LiveSubmissionsDatabaseOutagePostgresIT {

    /** The demo's individual text exercise. */
    private static final long TEXT_EXERCISE = 2;

    @TempDir
    Path dir;

    @Test
    void shouldKeepLiveSavesAndStoreThemWhenTheDatabaseReturns() {
        try (RestartablePostgres postgres = RestartablePostgres.start(dir.resolve("postgres"));
                ConfigurableApplicationContext node = TestNodes.startAlone("outage", dir, Map.of(
                        "spring.datasource.url", postgres.jdbcUrl(),
                        "spring.datasource.username", "postgres",
                        "spring.datasource.password", "postgres",
                        "spring.datasource.hikari.connection-timeout", "2000"))) {
            SubmissionService submissions = node.getBean(SubmissionService.class);
            LiveSubmissions live = node.getBean(LiveSubmissions.class);
            UserSummary summary = node.getBean(UserDirectory.class).summaryOf("student1");
            CurrentUser student = new CurrentUser(summary.id(), summary.login(), false);
            Participation participation = node.getBean(ParticipationService.class)
                    .participationFor(node.getBean(ExerciseCatalog.class).get(TEXT_EXERCISE), student.id(), false);
            submissions.saveLive(participation, SubmissionContent.ofText("before"), "before", false, student);

            postgres.stop();
            for (int i = 1; i <= 20; i++) {
                SavedSubmission saved = submissions.saveLive(participation, SubmissionContent.ofText("during " + i),
                        "during-" + i, false, student);
                assertThat(saved.version()).isEqualTo(i + 1);
                assertThat(saved.replayed()).isFalse();
            }
            SavedSubmission retried = submissions.saveLive(participation, SubmissionContent.ofText("during 5"),
                    "during-5", false, student);
            assertThat(retried.replayed()).isTrue();
            assertThat(retried.version()).isEqualTo(6);
            assertThat(submissions.latest(participation.getId()).orElseThrow().getContent().text())
                    .isEqualTo("during 20");
            // The flusher tries (every 500 ms) and fails meanwhile: the saves stay where they are.
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                    .until(() -> live.localPendingCount() >= 20);
            postgres.start();

            JdbcTemplate jdbc = node.getBean(JdbcTemplate.class);
            // PostgreSQL refuses connections for a moment while it starts up.
            await().atMost(Duration.ofSeconds(60)).ignoreExceptionsInstanceOf(CannotGetJdbcConnectionException.class)
                    .untilAsserted(() -> assertThat(jdbc.queryForList(
                    "select version from submissions where participation_id = ? order by version", Integer.class,
                    participation.getId())).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16,
                    17, 18, 19, 20, 21));
            assertThat(jdbc.queryForObject("select content from submissions where participation_id = ? and version = 21",
                    String.class, participation.getId())).isEqualTo("during 20");
            await().atMost(Duration.ofSeconds(10)).until(() -> live.localPendingCount() == 0);
        }
    }
}
