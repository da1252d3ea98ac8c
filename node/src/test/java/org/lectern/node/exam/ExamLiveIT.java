package org.lectern.node.exam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lectern.node.live.LiveAssertions.next;
import static org.lectern.node.live.LiveAssertions.nothingOn;

import java.util.Map;
import java.util.concurrent.BlockingQueue;
import org.junit.jupiter.api.Test;
import org.lectern.node.course.CourseRole;
import org.lectern.node.exam.ExamScenario.Member;
import org.lectern.node.live.LiveStompClient;
import org.lectern.node.live.LiveStompClient.Event;
import org.lectern.node.support.NodeIntegrationTest;
import org.lectern.node.support.TestData;
import org.lectern.shared.exam.ExamAnnouncement;
import org.lectern.shared.exam.ExamAnnouncementChanged;
import org.lectern.shared.exam.ExamAnnouncementRetracted;
import org.lectern.shared.exam.ExamWorkingTimeChanged;
import org.lectern.shared.topics.TopicRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** An exam's live events, as real STOMP clients of its students and staff (and of another exam) receive them. */
class ExamLiveIT extends NodeIntegrationTest {

    @Autowired
    TestData data;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void shouldPushAnnouncementsTheirCorrectionsAndRetractionsAndWorkingTimeToStudentsAndFiguresToStaff() throws Exception {
        ExamHttp http = new ExamHttp(port);
        ExamScenario exam = new ExamScenario(http, client(), data, jdbc);
        long examId = exam.runningExam();
        exam.groups(examId, 1);
        Member student = exam.registeredStudent(examId);
        Member tutor = exam.member(CourseRole.TUTOR);
        ExamScenario otherCourse = new ExamScenario(http, client(), data, jdbc);
        long otherExam = otherCourse.runningExam();
        otherCourse.groups(otherExam, 1);
        Member otherStudent = otherCourse.registeredStudent(otherExam);
        String studentsTopic = TopicRegistry.EXAM_STUDENTS.destination(examId);
        String staffTopic = TopicRegistry.EXAM_STAFF.destination(examId);

        try (LiveStompClient studentSocket = LiveStompClient.connect(port, student.token());
                LiveStompClient tutorSocket = LiveStompClient.connect(port, tutor.token());
                LiveStompClient otherSocket = LiveStompClient.connect(port, otherStudent.token())) {
            BlockingQueue<Event> students = studentSocket.subscribe(studentsTopic);
            BlockingQueue<Event> staff = tutorSocket.subscribe(staffTopic);
            BlockingQueue<Event> otherExamTopic = otherSocket.subscribe(
                    TopicRegistry.EXAM_STUDENTS.destination(otherExam));

            assertThat(http.post("/api/exams/" + examId + "/announcements", exam.instructor,
                    Map.of("text", "Task 2 has a typo")).statusCode()).isEqualTo(201);

            Map<String, Object> announcement = next(students, studentsTopic).payload();
            assertThat(announcement).containsEntry("type", ExamAnnouncement.TYPE)
                    .containsEntry("text", "Task 2 has a typo").containsKey("createdAt");
            assertThat(((Number) announcement.get("examId")).longValue()).isEqualTo(examId);
            long announcementId = ((Number) announcement.get("announcementId")).longValue();
            String announcementPath = "/api/exams/" + examId + "/announcements/" + announcementId;

            assertThat(http.put(announcementPath, exam.instructor, Map.of("text", "Task 2 has no typo after all"))
                    .statusCode()).isEqualTo(200);

            Map<String, Object> corrected = next(students, studentsTopic).payload();
            assertThat(corrected).containsEntry("type", ExamAnnouncementChanged.TYPE)
                    .containsEntry("text", "Task 2 has no typo after all")
                    .containsKeys("createdAt", "editedAt");
            assertThat(((Number) corrected.get("announcementId")).longValue()).isEqualTo(announcementId);

            assertThat(http.delete(announcementPath, exam.instructor).statusCode()).isEqualTo(204);

            Map<String, Object> retracted = next(students, studentsTopic).payload();
            assertThat(retracted).containsEntry("type", ExamAnnouncementRetracted.TYPE);
            assertThat(((Number) retracted.get("announcementId")).longValue()).isEqualTo(announcementId);

            assertThat(http.put("/api/exams/" + examId + "/working-time", exam.instructor,
                    Map.of("workingTimeSeconds", 4000)).statusCode()).isEqualTo(200);

            Map<String, Object> workingTime = next(students, studentsTopic).payload();
            assertThat(workingTime).containsEntry("type", ExamWorkingTimeChanged.TYPE)
                    .containsEntry("workingTimeSeconds", 4000);
            nothingOn(otherExamTopic);

            exam.start(examId, student);
            Map<String, Object> afterStart = next(staff, staffTopic).payload();
            assertThat(afterStart).containsEntry("started", 1).containsEntry("registered", 1);

            assertThat(exam.saveText(examId, exam.firstExercise(examId, student), student, "k-1", "My answer")
                    .statusCode()).isEqualTo(200);
            // Throttled: the save may be joined with the start, or come up to two seconds later.
            Map<String, Object> afterSave = afterStart;
            while (!Integer.valueOf(1).equals(afterSave.get("savesLastMinute"))) {
                afterSave = next(staff, staffTopic).payload();
            }
            assertThat(afterSave).containsEntry("started", 1);
        }
    }
}
