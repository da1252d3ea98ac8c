package org.lectern.node.quiz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lectern.node.live.LiveAssertions.next;
import static org.lectern.node.live.LiveAssertions.nothingOn;
import static org.lectern.node.support.LecternClient.json;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import org.junit.jupiter.api.Test;
import org.lectern.node.course.CourseRole;
import org.lectern.node.live.LiveStompClient;
import org.lectern.node.live.LiveStompClient.Event;
import org.lectern.node.scheduling.DurableScheduler;
import org.lectern.node.support.NodeIntegrationTest;
import org.lectern.node.support.TestData;
import org.lectern.shared.quiz.QuizEnded;
import org.lectern.shared.quiz.QuizResult;
import org.lectern.shared.quiz.QuizStarted;
import org.lectern.shared.topics.TopicRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** A quiz's live events, as real STOMP clients of its course (and of another course) receive them. */
class QuizLiveIT extends NodeIntegrationTest {

    @Autowired
    TestData fixtures;

    @Autowired
    DurableScheduler scheduler;

    @Test
    void shouldTellStudentsOfStartEndAndResultAndStaffOfTheStatistics() throws Exception {
        long courseId = fixtures.newCourse();
        String instructor = tokenOf(fixtures.newMember(courseId, CourseRole.INSTRUCTOR).login());
        String tutor = tokenOf(fixtures.newMember(courseId, CourseRole.TUTOR).login());
        String student = tokenOf(fixtures.newMember(courseId, CourseRole.STUDENT).login());
        long otherCourse = fixtures.newCourse();
        String outsider = tokenOf(fixtures.newMember(otherCourse, CourseRole.STUDENT).login());
        long quizId = json(client().post("/api/courses/" + courseId + "/quizzes", instructor, QuizFixtures.FRUIT_QUIZ))
                .get("id").asLong();
        String courseTopic = TopicRegistry.COURSE_STUDENTS.destination(courseId);
        String statisticsTopic = TopicRegistry.QUIZ_STATISTICS.destination(quizId);
        String results = TopicRegistry.RESULTS.clientPattern();

        try (LiveStompClient studentSocket = LiveStompClient.connect(port, student);
                LiveStompClient tutorSocket = LiveStompClient.connect(port, tutor);
                LiveStompClient outsiderSocket = LiveStompClient.connect(port, outsider)) {
            BlockingQueue<Event> course = studentSocket.subscribe(courseTopic);
            BlockingQueue<Event> ownResults = studentSocket.subscribe(results);
            BlockingQueue<Event> statistics = tutorSocket.subscribe(statisticsTopic);
            BlockingQueue<Event> otherCourseTopic = outsiderSocket.subscribe(
                    TopicRegistry.COURSE_STUDENTS.destination(otherCourse));
            BlockingQueue<Event> outsiderResults = outsiderSocket.subscribe(results);

            JsonNode quiz = json(client().post("/api/quizzes/" + quizId + "/start", instructor, ""));

            Map<String, Object> started = next(course, courseTopic).payload();
            assertThat(started).containsEntry("type", QuizStarted.TYPE).containsEntry("title", "Fruit quiz");
            assertThat(((Number) started.get("quizId")).longValue()).isEqualTo(quizId);
            assertThat(Instant.parse((String) started.get("endsAt")))
                    .isEqualTo(Instant.parse(quiz.get("endsAt").asString()));
            nothingOn(otherCourseTopic);

            JsonNode first = quiz.get("questions").get(0);
            String answer = "{\"answers\":[{\"questionId\":%d,\"optionIds\":[%d]}]}"
                    .formatted(first.get("id").asLong(), first.get("options").get(0).get("id").asLong());
            assertThat(QuizFixtures.put(port, "/api/quizzes/" + quizId + "/submission", student, "k-1", answer)
                    .statusCode()).isEqualTo(200);

            Map<String, Object> counted = next(statistics, statisticsTopic).payload();
            assertThat(counted).containsEntry("participants", 1).containsEntry("answered", 1);

            List<Long> evaluated = QuizFixtures.evaluatedQuizzes(scheduler.runDue(
                    Instant.parse(quiz.get("endsAt").asString()).plusSeconds(6)));
            assertThat(evaluated).containsExactly(quizId);

            Map<String, Object> ended = next(course, courseTopic).payload();
            assertThat(ended).containsEntry("type", QuizEnded.TYPE);
            assertThat(((Number) ended.get("quizId")).longValue()).isEqualTo(quizId);
            Map<String, Object> result = next(ownResults, results).payload();
            assertThat(result).containsEntry("type", QuizResult.TYPE);
            assertThat(((Number) result.get("score")).doubleValue()).isEqualTo(2.0);
            assertThat(((Number) result.get("maxScore")).doubleValue()).isEqualTo(6.0);
            nothingOn(otherCourseTopic);
            nothingOn(outsiderResults);
        }
    }

    private String tokenOf(String login) {
        return client().tokenFor(login, TestData.PASSWORD);
    }
}
