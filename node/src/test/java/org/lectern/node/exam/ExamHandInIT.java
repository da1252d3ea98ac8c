package org.lectern.node.exam;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lectern.node.scheduling.DurableScheduler;
import org.lectern.node.scheduling.ScheduledTasks;
import org.lectern.node.support.NodeIntegrationTest;
import org.lectern.node.support.TestData;
import org.lectern.shared.scheduling.ScheduledTaskView;
import org.lectern.shared.scheduling.TaskState;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The automatic hand-in of a student exam whose time is over: an {@code exam.hand-in} task per started student exam,
 * moved by extensions and withdrawn by the student's own hand-in. The scheduler is asked to run what is due at a
 * chosen moment, so no test waits for an exam to end.
 */
class ExamHandInIT extends NodeIntegrationTest {

    @Autowired
    private TestData data;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private DurableScheduler scheduler;

    @Autowired
    private ScheduledTasks tasks;

    private ExamScenario exam;
    private ExamHttp http;

    @BeforeEach
    void newCourse() {
        http = new ExamHttp(port);
        exam = new ExamScenario(http, client(), data, jdbc);
    }

    @Test
    void shouldHandTheExamInWhenTheStudentsTimeIsOverAndTheyDidNot() {
        long examId = exam.runningExam();
        exam.groups(examId, 1);
        ExamScenario.Member student = exam.registeredStudent(examId);
        JsonNode started = exam.start(examId, student);
        Instant closes = Instant.parse(started.get("individualEnd").asString()).plusSeconds(180);

        ScheduledTaskView task = handIn(started);
        assertThat(task.state()).isEqualTo(TaskState.SCHEDULED);
        assertThat(task.dueAtMillis()).isEqualTo(closes.toEpochMilli());
        assertThat(scheduler.runDue(closes.minusSeconds(1))).extracting(ScheduledTaskView::taskId)
                .doesNotContain(task.taskId());
        assertThat(exam.studentExam(examId, student).get("submitted").asBoolean()).isFalse();

        assertThat(scheduler.runDue(closes)).extracting(ScheduledTaskView::taskId).contains(task.taskId());

        JsonNode handedIn = exam.studentExam(examId, student);
        assertThat(handedIn.get("submitted").asBoolean()).isTrue();
        assertThat(handIn(started).state()).isEqualTo(TaskState.DONE);
        assertThat(exam.handIn(examId, student).statusCode()).isEqualTo(409);
    }

    @Test
    void shouldMoveTheAutomaticHandInWhenTheStudentsWorkingTimeIsExtended() {
        long examId = exam.runningExam();
        exam.groups(examId, 1);
        ExamScenario.Member student = exam.registeredStudent(examId);
        JsonNode started = exam.start(examId, student);
        Instant closes = Instant.parse(started.get("individualEnd").asString()).plusSeconds(180);

        assertThat(http.put("/api/exams/" + examId + "/student-exams/" + started.get("id").asLong()
                + "/working-time", exam.instructor, Map.of("workingTimeSeconds", 3600 + 600)).statusCode())
                .isEqualTo(200);

        assertThat(handIn(started).dueAtMillis()).isEqualTo(closes.plus(Duration.ofMinutes(10)).toEpochMilli());
        scheduler.runDue(closes.plusSeconds(1));
        assertThat(exam.studentExam(examId, student).get("submitted").asBoolean()).isFalse();
    }

    @Test
    void shouldMoveEveryAutomaticHandInWhenTheExamsWorkingTimeChanges() {
        long examId = exam.runningExam();
        exam.groups(examId, 1);
        ExamScenario.Member student = exam.registeredStudent(examId);
        JsonNode started = exam.start(examId, student);
        Instant startedAt = Instant.parse(started.get("startedAt").asString());

        assertThat(http.put("/api/exams/" + examId + "/working-time", exam.instructor,
                Map.of("workingTimeSeconds", 1800)).statusCode()).isEqualTo(200);

        assertThat(handIn(started).dueAtMillis()).isEqualTo(startedAt.plusSeconds(1800 + 180).toEpochMilli());
    }

    @Test
    void shouldWithdrawTheAutomaticHandInWhenTheStudentHandsIn() {
        long examId = exam.runningExam();
        exam.groups(examId, 1);
        ExamScenario.Member student = exam.registeredStudent(examId);
        JsonNode started = exam.start(examId, student);

        assertThat(exam.handIn(examId, student).statusCode()).isEqualTo(200);

        assertThat(handIn(started).state()).isEqualTo(TaskState.CANCELLED);
    }

    private ScheduledTaskView handIn(JsonNode studentExam) {
        return tasks.find(ExamHandIn.KIND, Long.toString(studentExam.get("id").asLong())).orElseThrow();
    }
}
