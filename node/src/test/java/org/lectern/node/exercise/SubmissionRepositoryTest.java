package org.lectern.node.exercise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What the database itself guarantees about submissions and participations, whatever the code above it does. */
@DataJpaTest(properties = "spring.datasource.url=jdbc:h2:mem:repository-slice;DB_CLOSE_DELAY=-1")
// The product's H2 settings, not the slice's replacement database: the same schema must hold on what runs.
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
class SubmissionRepositoryTest {

    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

    @Autowired
    private ExerciseRepository exercises;

    @Autowired
    private ParticipationRepository participations;

    @Autowired
    private SubmissionRepository submissions;

    @Autowired
    private JdbcClient jdbc;

    private Participation participation;
    private long exerciseId;
    private long studentId;

    @BeforeEach
    void setUp() {
        jdbc.sql("insert into courses (short_name, title) values ('SUB', 'Submission course')").update();
        long courseId = jdbc.sql("select id from courses where short_name = 'SUB'").query(Long.class).single();
        jdbc.sql("insert into users (login, name, password_hash, admin, created_at) values ('s', 'S', 'x', false, ?)")
                .param(NOW).update();
        studentId = jdbc.sql("select id from users where login = 's'").query(Long.class).single();
        exerciseId = exercises.saveAndFlush(new Exercise(courseId, null, ExerciseType.TEXT, ExerciseMode.INDIVIDUAL,
                "Essay", BigDecimal.ONE, NOW)).getId();
        participation = participations.saveAndFlush(Participation.ofStudent(exerciseId, studentId, false, NOW));
    }

    @Test
    void shouldReportTheLatestVersionAndZeroForNone() {
        assertThat(submissions.latestVersion(participation.getId())).isZero();

        submissions.saveAndFlush(submission(1, "k1"));
        submissions.saveAndFlush(submission(2, "k2"));

        assertThat(submissions.latestVersion(participation.getId())).isEqualTo(2);
        assertThat(submissions.findFirstByParticipationIdOrderByVersionDesc(participation.getId()))
                .hasValueSatisfying(latest -> assertThat(latest.getIdempotencyKey()).isEqualTo("k2"));
    }

    @Test
    void shouldRefuseASecondSubmissionWithTheSameIdempotencyKey() {
        submissions.saveAndFlush(submission(1, "same"));

        assertThatThrownBy(() -> submissions.saveAndFlush(submission(2, "same")))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void shouldRefuseTheSameVersionTwice() {
        submissions.saveAndFlush(submission(1, "a"));

        assertThatThrownBy(() -> submissions.saveAndFlush(submission(1, "b")))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void shouldRefuseASecondParticipationOfTheSameStudent() {
        assertThatThrownBy(() -> participations.saveAndFlush(Participation.ofStudent(exerciseId, studentId, false, NOW)))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    private Submission submission(int version, String key) {
        return new Submission(participation.getId(), version, SubmissionContent.ofText("text"), false, NOW, key, null);
    }
}
