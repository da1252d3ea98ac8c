package org.lectern.node.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lectern.node.live.LiveAssertions.next;
import static org.lectern.node.live.LiveAssertions.nothingOn;
import static org.lectern.node.support.LecternClient.json;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import org.junit.jupiter.api.Test;
import org.lectern.node.course.CourseRole;
import org.lectern.node.exercise.Exercise;
import org.lectern.node.exercise.ExerciseCatalog;
import org.lectern.node.exercise.ExerciseType;
import org.lectern.node.live.LiveHttp;
import org.lectern.node.live.LiveStompClient;
import org.lectern.node.live.LiveStompClient.Event;
import org.lectern.node.support.NodeIntegrationTest;
import org.lectern.node.support.TestData;
import org.lectern.shared.assessment.AssessmentResult;
import org.lectern.shared.exercise.SubmissionSaved;
import org.lectern.shared.topics.TopicRegistry;
import org.springframework.beans.factory.annotation.Autowired;

/** The staff feeds of a course exercise (saves, assessments) and the student's result, over real STOMP clients. */
class AssessmentLiveIT extends NodeIntegrationTest {

    private static final String ASSESSMENT = "{\"score\":7,\"feedback\":[{\"text\":\"Good\",\"credits\":7}]}";

    @Autowired
    TestData fixtures;

    @Autowired
    ExerciseCatalog exercises;

    @Test
    void shouldFeedSavesAndAssessmentsToStaffAndAVisibleResultToItsStudent() throws Exception {
        long courseId = fixtures.newCourse();
        String tutor = tokenOf(fixtures.newMember(courseId, CourseRole.TUTOR).login());
        String student = tokenOf(fixtures.newMember(courseId, CourseRole.STUDENT).login());
        String classmate = tokenOf(fixtures.newMember(courseId, CourseRole.STUDENT).login());
        long exerciseId = fixtures.newExercise(courseId, ExerciseType.TEXT).getId();
        String submissionsTopic = TopicRegistry.EXERCISE_SUBMISSIONS.destination(exerciseId);
        String resultsTopic = TopicRegistry.EXERCISE_RESULTS.destination(exerciseId);
        String results = TopicRegistry.RESULTS.clientPattern();

        try (LiveStompClient tutorSocket = LiveStompClient.connect(port, tutor);
                LiveStompClient studentSocket = LiveStompClient.connect(port, student);
                LiveStompClient classmateSocket = LiveStompClient.connect(port, classmate)) {
            BlockingQueue<Event> saves = tutorSocket.subscribe(submissionsTopic);
            BlockingQueue<Event> assessed = tutorSocket.subscribe(resultsTopic);
            BlockingQueue<Event> ownResults = studentSocket.subscribe(results);
            BlockingQueue<Event> classmateResults = classmateSocket.subscribe(results);

            long submissionId = save(exerciseId, student, "k-1");

            Map<String, Object> saved = next(saves, submissionsTopic).payload();
            assertThat(saved).containsEntry("type", SubmissionSaved.TYPE).containsEntry("version", 1)
                    .containsKeys("participationId", "savedAt").doesNotContainKeys("text", "content");

            assess(submissionId, tutor);

            Map<String, Object> forStaff = next(assessed, resultsTopic).payload();
            assertThat(forStaff).containsEntry("type", AssessmentResult.TYPE);
            assertThat(((Number) forStaff.get("submissionId")).longValue()).isEqualTo(submissionId);
            Map<String, Object> forStudent = next(ownResults, results).payload();
            assertThat(((Number) forStudent.get("score")).doubleValue()).isEqualTo(7.0);
            nothingOn(classmateResults);
        }
    }

    @Test
    void shouldKeepAResultFromTheStudentUntilTheAssessmentDueDate() throws Exception {
        long courseId = fixtures.newCourse();
        String tutor = tokenOf(fixtures.newMember(courseId, CourseRole.TUTOR).login());
        String student = tokenOf(fixtures.newMember(courseId, CourseRole.STUDENT).login());
        Exercise exercise = fixtures.newExercise(courseId, ExerciseType.TEXT);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        exercise.setDates(null, now.plus(1, ChronoUnit.DAYS), now.plus(2, ChronoUnit.DAYS));
        long exerciseId = exercises.save(exercise).getId();
        String resultsTopic = TopicRegistry.EXERCISE_RESULTS.destination(exerciseId);

        try (LiveStompClient tutorSocket = LiveStompClient.connect(port, tutor);
                LiveStompClient studentSocket = LiveStompClient.connect(port, student)) {
            BlockingQueue<Event> assessed = tutorSocket.subscribe(resultsTopic);
            BlockingQueue<Event> ownResults = studentSocket.subscribe(TopicRegistry.RESULTS.clientPattern());

            assess(save(exerciseId, student, "k-1"), tutor);

            assertThat(next(assessed, resultsTopic).payload()).containsEntry("type", AssessmentResult.TYPE);
            nothingOn(ownResults);
        }
    }

    private long save(long exerciseId, String token, String key) {
        HttpResponse<String> response = LiveHttp.put(port, "/api/exercises/" + exerciseId + "/submission", token,
                key, "{\"text\":\"My essay\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response).get("submissionId").asLong();
    }

    private void assess(long submissionId, String tutor) {
        HttpResponse<String> response = LiveHttp.put(port, "/api/submissions/" + submissionId + "/assessment", tutor,
                null, ASSESSMENT);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private String tokenOf(String login) {
        return client().tokenFor(login, TestData.PASSWORD);
    }
}
