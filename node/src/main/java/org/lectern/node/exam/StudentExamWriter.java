package org.lectern.node.exam;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes generated student exams in bulk: one statement for all new student exams and JDBC batches for their
 * exercises, so that an exam of 1,500 students takes a handful of round trips, not tens of thousands. Runs in the
 * caller's transaction.
 */
@Component
class StudentExamWriter {

    private static final int BATCH_SIZE = 500;

    private final JdbcTemplate jdbc;

    StudentExamWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Creates a student exam for every registered student who has none yet; answers how many it created. */
    int insertMissingStudentExams(long examId, int workingTimeSeconds, Instant now) {
        return jdbc.update("""
                insert into student_exams (exam_id, user_id, working_time_seconds, test_run, created_at)
                select r.exam_id, r.user_id, ?, false, ? from exam_registrations r
                where r.exam_id = ? and not exists (select 1 from student_exams s
                    where s.exam_id = r.exam_id and s.user_id = r.user_id and s.test_run = false)""",
                workingTimeSeconds, OffsetDateTime.ofInstant(now, ZoneOffset.UTC), examId);
    }

    /** Inserts each student exam's drawn exercises, position = index in its list. */
    void insertExercises(Map<Long, List<Long>> exercisesByStudentExam) {
        List<Object[]> rows = new ArrayList<>();
        exercisesByStudentExam.forEach((studentExamId, exerciseIds) -> {
            for (int position = 0; position < exerciseIds.size(); position++) {
                rows.add(new Object[] {studentExamId, exerciseIds.get(position), position + 1});
            }
        });
        for (int from = 0; from < rows.size(); from += BATCH_SIZE) {
            jdbc.batchUpdate("insert into student_exam_exercises (student_exam_id, exercise_id, position) values (?, ?, ?)",
                    rows.subList(from, Math.min(rows.size(), from + BATCH_SIZE)));
        }
    }
}
