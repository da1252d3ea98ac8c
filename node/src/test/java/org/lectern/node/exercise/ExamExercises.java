package org.lectern.node.exercise;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import org.lectern.node.support.TestData;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Exam exercises for tests of what students may not reach outside their exam. The exam feature is not this
 * package's, so the exam and its group are written with plain SQL. Built by hand rather than imported as a
 * component, so that the tests keep sharing the one cached node.
 */
class ExamExercises {

    private final JdbcTemplate jdbc;
    private final ExerciseCatalog catalog;

    ExamExercises(JdbcTemplate jdbc, ExerciseCatalog catalog) {
        this.jdbc = jdbc;
        this.catalog = catalog;
    }

    /** A released text exercise in a new exam of the course. */
    long create(long courseId) {
        String title = TestData.unique("exam");
        Timestamp now = Timestamp.from(Instant.now());
        Timestamp end = Timestamp.from(Instant.now().plusSeconds(3600));
        jdbc.update("insert into exams (course_id, title, visible_date, start_date, end_date, working_time_seconds, "
                + "created_at) values (?, ?, ?, ?, ?, 3600, ?)", courseId, title, now, now, end, now);
        Long examId = jdbc.queryForObject("select id from exams where title = ?", Long.class, title);
        jdbc.update("insert into exercise_groups (exam_id, title, position) values (?, 'Group', 1)", examId);
        Long groupId = jdbc.queryForObject("select id from exercise_groups where exam_id = ?", Long.class, examId);
        return catalog.save(new Exercise(courseId, groupId, ExerciseType.TEXT, ExerciseMode.INDIVIDUAL, "Exam task",
                BigDecimal.ONE, Instant.now())).getId();
    }
}
