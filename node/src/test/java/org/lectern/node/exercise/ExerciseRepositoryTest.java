package org.lectern.node.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The exercise queries and the quiz-evaluation claim, against the real schema (Flyway) on H2, JPA only. */
@DataJpaTest(properties = "spring.datasource.url=jdbc:h2:mem:repository-slice;DB_CLOSE_DELAY=-1")
// The product's H2 settings, not the slice's replacement database: the same schema must hold on what runs.
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
class ExerciseRepositoryTest {

    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

    @Autowired
    private ExerciseRepository exercises;

    @Autowired
    private JdbcClient jdbc;

    private long courseId;

    @BeforeEach
    void setUp() {
        jdbc.sql("insert into courses (short_name, title) values ('REPO', 'Repository course')").update();
        courseId = jdbc.sql("select id from courses where short_name = 'REPO'").query(Long.class).single();
    }

    @Test
    void shouldLetExactlyOneCallerClaimAQuizEvaluation() {
        Exercise quiz = exercises.saveAndFlush(exercise(ExerciseType.QUIZ, null));

        assertThat(exercises.claimQuizEvaluation(quiz.getId(), NOW)).isEqualTo(1);
        assertThat(exercises.claimQuizEvaluation(quiz.getId(), NOW.plusSeconds(1))).isZero();
    }

    @Test
    void shouldListOnlyReleasedCourseExercisesToStudents() {
        exercises.saveAndFlush(exercise(ExerciseType.TEXT, NOW.minus(1, ChronoUnit.DAYS)));
        exercises.saveAndFlush(exercise(ExerciseType.TEXT, null));
        exercises.saveAndFlush(exercise(ExerciseType.TEXT, NOW.plus(1, ChronoUnit.DAYS)));

        assertThat(exercises.findReleasedOfCourse(courseId, NOW, Pageable.unpaged()).getContent())
                .extracting(Exercise::getReleaseDate)
                .containsExactly(NOW.minus(1, ChronoUnit.DAYS), null);
    }

    private Exercise exercise(ExerciseType type, Instant releaseDate) {
        Exercise exercise = new Exercise(courseId, null, type, ExerciseMode.INDIVIDUAL, "Exercise", BigDecimal.ONE, NOW);
        exercise.setDates(releaseDate, null, null);
        if (type == ExerciseType.QUIZ) {
            exercise.setQuizDurationSeconds(60);
        }
        return exercise;
    }
}
