package org.lectern.node.quiz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lectern.node.support.LecternClient.json;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.lectern.node.course.CourseRole;
import org.lectern.node.exercise.Exercise;
import org.lectern.node.exercise.ExerciseCatalog;
import org.lectern.node.scheduling.DurableScheduler;
import org.lectern.node.support.NodeIntegrationTest;
import org.lectern.node.support.StompTestClient;
import org.lectern.node.support.TestData;
import org.lectern.shared.notification.Notification;
import org.lectern.shared.topics.Destinations;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import tools.jackson.databind.JsonNode;

/** The quiz API over HTTP, as instructors, tutors and students use it. */
class QuizIT extends NodeIntegrationTest {

    @Autowired
    TestData fixtures;

    @Autowired
    ExerciseCatalog exercises;

    @Autowired
    DurableScheduler scheduler;

    long courseId;
    String instructor;
    String tutor;
    String student;
    String studentLogin;
    String outsider;

    @BeforeEach
    void course() {
        courseId = fixtures.newCourse();
        instructor = tokenOf(fixtures.newMember(courseId, CourseRole.INSTRUCTOR).login());
        tutor = tokenOf(fixtures.newMember(courseId, CourseRole.TUTOR).login());
        studentLogin = fixtures.newMember(courseId, CourseRole.STUDENT).login();
        student = tokenOf(studentLogin);
        outsider = tokenOf(fixtures.newMember(fixtures.newCourse(), CourseRole.STUDENT).login());
    }

    @Nested
    class Authoring {

        @Test
        void shouldCreateAQuizWorthTheSumOfItsQuestionsWhenAnInstructorWritesIt() {
            HttpResponse<String> response = client().post("/api/courses/" + courseId + "/quizzes", instructor,
                    QuizFixtures.FRUIT_QUIZ);

            assertThat(response.statusCode()).isEqualTo(201);
            JsonNode quiz = json(response);
            assertThat(response.headers().firstValue("Location")).hasValue("/api/quizzes/" + quiz.get("id").asLong());
            assertThat(quiz.get("maxPoints").decimalValue()).isEqualByComparingTo("6");
            assertThat(quiz.get("state").asString()).isEqualTo("NOT_STARTED");
            assertThat(quiz.get("questions")).hasSize(3);
            assertThat(quiz.get("questions").get(0).get("options").get(0).get("correct").asBoolean()).isTrue();
            // Every accepted answer of a short-answer question is correct, whatever was sent.
            assertThat(quiz.get("questions").get(2).get("options").get(0).get("correct").asBoolean()).isTrue();
        }

        @Test
        void shouldShowTheSolutionsToTutors() {
            long quizId = createQuiz();

            HttpResponse<String> response = client().get("/api/quizzes/" + quizId, tutor);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(json(response).get("questions").get(1).get("options").get(1).get("correct").asBoolean())
                    .isTrue();
        }

        @Test
        void shouldRefuseTheStaffViewToStudentsWith403() {
            assertThat(client().get("/api/quizzes/" + createQuiz(), student).statusCode()).isEqualTo(403);
        }

        @Test
        void shouldAnswer404ForAnUnknownQuizOrAnExerciseOfAnotherType() {
            long textExercise = fixtures.newExercise(courseId, org.lectern.node.exercise.ExerciseType.TEXT).getId();

            assertThat(client().get("/api/quizzes/999999999", tutor).statusCode()).isEqualTo(404);
            assertThat(client().get("/api/quizzes/" + textExercise, tutor).statusCode()).isEqualTo(404);
        }

        @Test
        void shouldRefuseASingleChoiceQuestionWithTwoCorrectOptionsWith400AndCreateNothing() {
            String twoCorrect = QuizFixtures.FRUIT_QUIZ.replace("{\"text\":\"Cherry\",\"correct\":false}",
                    "{\"text\":\"Cherry\",\"correct\":true}");

            HttpResponse<String> response = client().post("/api/courses/" + courseId + "/quizzes", instructor,
                    twoCorrect);

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(json(response).get("detail").asString()).contains("exactly one option");
            assertThat(exercisesOfCourse()).isZero();
        }

        @Test
        void shouldRefuseAMultipleChoiceQuestionWithoutACorrectOptionWith400() {
            String noneCorrect = QuizFixtures.FRUIT_QUIZ
                    .replace("{\"text\":\"Lemon\",\"correct\":true},{\"text\":\"Lime\",\"correct\":true}",
                            "{\"text\":\"Lemon\",\"correct\":false},{\"text\":\"Lime\",\"correct\":false}");

            assertThat(client().post("/api/courses/" + courseId + "/quizzes", instructor, noneCorrect).statusCode())
                    .isEqualTo(400);
            assertThat(exercisesOfCourse()).isZero();
        }

        @Test
        void shouldRefuseBadShapesWith400AndCreateNothing() {
            String path = "/api/courses/" + courseId + "/quizzes";

            assertThat(client().post(path, instructor, QuizFixtures.FRUIT_QUIZ.replace("\"durationSeconds\":60",
                    "\"durationSeconds\":9")).statusCode()).isEqualTo(400);
            assertThat(client().post(path, instructor, QuizFixtures.FRUIT_QUIZ.replace("\"points\":2",
                    "\"points\":-1")).statusCode()).isEqualTo(400);
            assertThat(client().post(path, instructor, "{\"title\":\"Empty\",\"durationSeconds\":60,\"questions\":[]}")
                    .statusCode()).isEqualTo(400);
            assertThat(client().post(path, instructor, QuizFixtures.FRUIT_QUIZ.replace("\"options\":[{\"text\":\"Kiwi\"}]",
                    "\"options\":[]")).statusCode()).isEqualTo(400);
            assertThat(client().post(path, instructor, "{\"title\":").statusCode()).isEqualTo(400);
            assertThat(exercisesOfCourse()).isZero();
        }

        @Test
        void shouldRefuseCreationByTutorsAndOutsidersWith403AndForAnUnknownCourseWith404() {
            assertThat(client().post("/api/courses/" + courseId + "/quizzes", tutor, QuizFixtures.FRUIT_QUIZ)
                    .statusCode()).isEqualTo(403);
            assertThat(client().post("/api/courses/" + courseId + "/quizzes", outsider, QuizFixtures.FRUIT_QUIZ)
                    .statusCode()).isEqualTo(403);
            assertThat(client().post("/api/courses/999999999/quizzes", instructor, QuizFixtures.FRUIT_QUIZ)
                    .statusCode()).isEqualTo(404);
            assertThat(exercisesOfCourse()).isZero();
        }

        @Test
        void shouldReplaceTheQuestionsWhenTheQuizHasNotStarted() {
            long quizId = createQuiz();
            String oneQuestion = """
                    {"title":"Renamed","durationSeconds":30,"questions":[
                      {"type":"SHORT_ANSWER","text":"Capital of France?","points":4,"options":[{"text":"Paris"}]}]}
                    """;

            HttpResponse<String> response = QuizFixtures.put(port, "/api/quizzes/" + quizId, instructor, null,
                    oneQuestion);

            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode quiz = json(client().get("/api/quizzes/" + quizId, tutor));
            assertThat(quiz.get("title").asString()).isEqualTo("Renamed");
            assertThat(quiz.get("durationSeconds").asInt()).isEqualTo(30);
            assertThat(quiz.get("maxPoints").decimalValue()).isEqualByComparingTo("4");
            assertThat(quiz.get("questions")).hasSize(1);
        }

        @Test
        void shouldRefuseChangesAndDeletionOnceStartedWith409AndKeepTheQuiz() {
            long quizId = createQuiz();
            start(quizId);

            HttpResponse<String> change = QuizFixtures.put(port, "/api/quizzes/" + quizId, instructor, null,
                    QuizFixtures.FRUIT_QUIZ.replace("Fruit quiz", "Changed"));
            HttpResponse<String> deletion = QuizFixtures.delete(port, "/api/quizzes/" + quizId, instructor);

            assertThat(change.statusCode()).isEqualTo(409);
            assertThat(deletion.statusCode()).isEqualTo(409);
            JsonNode quiz = json(client().get("/api/quizzes/" + quizId, tutor));
            assertThat(quiz.get("title").asString()).isEqualTo("Fruit quiz");
            assertThat(quiz.get("questions")).hasSize(3);
        }

        @Test
        void shouldDeleteAQuizThatHasNotStarted() {
            long quizId = createQuiz();

            assertThat(QuizFixtures.delete(port, "/api/quizzes/" + quizId, tutor).statusCode()).isEqualTo(403);
            assertThat(QuizFixtures.delete(port, "/api/quizzes/" + quizId, instructor).statusCode()).isEqualTo(204);

            assertThat(client().get("/api/quizzes/" + quizId, tutor).statusCode()).isEqualTo(404);
        }
    }

    @Nested
    class LiveQuiz {

        @Test
        void shouldStartOnceAndRefuseASecondStartWith409() {
            long quizId = createQuiz();

            HttpResponse<String> first = client().post("/api/quizzes/" + quizId + "/start", instructor, "");
            HttpResponse<String> second = client().post("/api/quizzes/" + quizId + "/start", instructor, "");

            assertThat(first.statusCode()).isEqualTo(200);
            assertThat(json(first).get("state").asString()).isEqualTo("RUNNING");
            assertThat(second.statusCode()).isEqualTo(409);
            assertThat(json(client().get("/api/quizzes/" + quizId, tutor)).get("startedAt").asString())
                    .isEqualTo(json(first).get("startedAt").asString());
        }

        @Test
        void shouldRefuseTheStartToTutorsWith403() {
            long quizId = createQuiz();

            assertThat(client().post("/api/quizzes/" + quizId + "/start", tutor, "").statusCode()).isEqualTo(403);
            assertThat(exercises.get(quizId).getQuizStartedAt()).isNull();
        }

        @Test
        void shouldShowNoQuestionsBeforeTheStart() {
            JsonNode live = json(client().get("/api/quizzes/" + createQuiz() + "/live", student));

            assertThat(live.get("state").asString()).isEqualTo("NOT_STARTED");
            assertThat(live.get("questions")).isEmpty();
        }

        @Test
        void shouldNeverShowAStudentTheSolutionBeforeEvaluation() {
            long quizId = createQuiz();
            start(quizId);

            HttpResponse<String> response = client().get("/api/quizzes/" + quizId + "/live", student);

            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode live = json(response);
            assertThat(live.get("state").asString()).isEqualTo("RUNNING");
            assertThat(live.get("remainingSeconds").asLong()).isBetween(1L, 60L);
            assertThat(live.get("questions")).hasSize(3);
            assertThat(response.body()).doesNotContain("\"correct\"").doesNotContain("Kiwi");
            assertThat(live.get("solutions").isNull()).isTrue();
        }

        @Test
        void shouldRefuseTheLiveViewToOutsidersWith403() {
            assertThat(client().get("/api/quizzes/" + createQuiz() + "/live", outsider).statusCode()).isEqualTo(403);
        }
    }

    @Nested
    class Answering {

        long quizId;
        JsonNode quiz;

        @BeforeEach
        void runningQuiz() {
            quizId = createQuiz();
            quiz = json(client().post("/api/quizzes/" + quizId + "/start", instructor, ""));
        }

        @Test
        void shouldSaveAnswersAndAnswerAReplayWithTheFirstSave() {
            HttpResponse<String> first = save("key-1", answers(0, "[0,1]", "kiwi"));
            HttpResponse<String> replay = save("key-1", answers(1, "[2]", "apple"));

            assertThat(first.statusCode()).isEqualTo(200);
            assertThat(json(first).get("version").asInt()).isEqualTo(1);
            assertThat(json(first).get("replayed").asBoolean()).isFalse();
            assertThat(replay.statusCode()).isEqualTo(200);
            assertThat(json(replay).get("replayed").asBoolean()).isTrue();
            assertThat(json(replay).get("submissionId").asLong()).isEqualTo(json(first).get("submissionId").asLong());
            JsonNode own = json(client().get("/api/quizzes/" + quizId + "/submission", student));
            assertThat(own.get("version").asInt()).isEqualTo(1);
            assertThat(own.get("answers").get(0).get("optionIds").get(0).asLong()).isEqualTo(optionId(0, 0));
            assertThat(own.get("answers").get(2).get("text").asString()).isEqualTo("kiwi");
        }

        @Test
        void shouldNumberANewSaveAsTheNextVersionAndShowItInTheLiveView() {
            save("key-1", answers(0, "[0]", "kiwi"));

            HttpResponse<String> second = save("key-2", answers(1, "[0,1]", "kiwi"));

            assertThat(json(second).get("version").asInt()).isEqualTo(2);
            JsonNode live = json(client().get("/api/quizzes/" + quizId + "/live", student));
            assertThat(live.get("answers").get("version").asInt()).isEqualTo(2);
            assertThat(live.get("answers").get("answers").get(0).get("optionIds").get(0).asLong())
                    .isEqualTo(optionId(0, 1));
        }

        @Test
        void shouldAcceptASaveInTheGracePeriodAndShowTheQuizAsEnded() {
            startedAt(Instant.now().minusMillis(60_300));

            HttpResponse<String> saved = save("key-1", answers(0, "[0]", "kiwi"));

            assertThat(saved.statusCode()).isEqualTo(200);
            JsonNode live = json(client().get("/api/quizzes/" + quizId + "/live", student));
            assertThat(live.get("state").asString()).isEqualTo("ENDED");
            assertThat(live.get("remainingSeconds").asLong()).isZero();
            assertThat(json(client().get("/api/quizzes/" + quizId, tutor)).get("state").asString()).isEqualTo("GRACE");
        }

        @Test
        void shouldRefuseASaveAfterTheEndWith409AndSaveNothing() {
            startedAt(Instant.now().minusSeconds(120));

            HttpResponse<String> response = save("key-1", answers(0, "[0]", "kiwi"));

            assertThat(response.statusCode()).isEqualTo(409);
            assertThat(json(response).get("detail").asString()).contains("has ended");
            assertNothingSaved();
        }

        @Test
        void shouldRefuseASaveBeforeTheStartWith409() {
            long notStarted = createQuiz();

            HttpResponse<String> response = QuizFixtures.put(port, "/api/quizzes/" + notStarted + "/submission",
                    student, "key-1", "{\"answers\":[]}");

            assertThat(response.statusCode()).isEqualTo(409);
            assertThat(json(response).get("detail").asString()).contains("has not started");
        }

        @Test
        void shouldRefuseSavesFromOutsidersAndStaffWith403() {
            HttpResponse<String> outside = QuizFixtures.put(port, "/api/quizzes/" + quizId + "/submission", outsider,
                    "key-1", answers(0, "[0]", "kiwi"));
            HttpResponse<String> staff = QuizFixtures.put(port, "/api/quizzes/" + quizId + "/submission", tutor,
                    "key-1", answers(0, "[0]", "kiwi"));

            assertThat(outside.statusCode()).isEqualTo(403);
            assertThat(staff.statusCode()).isEqualTo(403);
            assertThat(json(client().get("/api/quizzes/" + quizId + "/statistics", tutor)).get("participants").asInt())
                    .isZero();
        }

        @Test
        void shouldAnswer404ForAnUnknownQuiz() {
            assertThat(QuizFixtures.put(port, "/api/quizzes/999999999/submission", student, "key-1",
                    "{\"answers\":[]}").statusCode()).isEqualTo(404);
        }

        @Test
        void shouldRefuseMalformedAnswersWith400AndSaveNothing() {
            long otherQuiz = createQuiz();
            long foreignOption = json(client().get("/api/quizzes/" + otherQuiz, tutor))
                    .get("questions").get(0).get("options").get(0).get("id").asLong();
            long single = questionId(0);
            long shortAnswer = questionId(2);

            assertThat(save("key-1", "{\"answers\":[").statusCode()).isEqualTo(400);
            assertThat(save("key-1", "{}").statusCode()).isEqualTo(400);
            assertThat(save(null, answers(0, "[0]", "kiwi")).statusCode()).isEqualTo(400);
            assertThat(save("bad key!", answers(0, "[0]", "kiwi")).statusCode()).isEqualTo(400);
            assertThat(save("key-1", "{\"answers\":[{\"questionId\":%d,\"optionIds\":[%d]}]}"
                    .formatted(single, foreignOption)).statusCode()).isEqualTo(400);
            assertThat(save("key-1", "{\"answers\":[{\"questionId\":%d,\"optionIds\":[%d,%d]}]}"
                    .formatted(single, optionId(0, 0), optionId(0, 1))).statusCode()).isEqualTo(400);
            assertThat(save("key-1", "{\"answers\":[{\"questionId\":999999999,\"optionIds\":[]}]}").statusCode())
                    .isEqualTo(400);
            assertThat(save("key-1", "{\"answers\":[{\"questionId\":%d,\"optionIds\":[%d]}]}"
                    .formatted(shortAnswer, optionId(2, 0))).statusCode()).isEqualTo(400);
            HttpResponse<String> twice = save("key-1", "{\"answers\":[{\"questionId\":%d},{\"questionId\":%d}]}"
                    .formatted(single, single));
            assertThat(twice.statusCode()).isEqualTo(400);
            assertNothingSaved();
        }

        @Test
        void shouldShowTheResultTheSolutionsAndNotifyTheStudentAfterEvaluation() throws Exception {
            save("key-1", answers(0, "[0,1]", "  KIWI "));
            try (StompTestClient socket = StompTestClient.connect(port, student)) {
                BlockingQueue<Notification> inbox = socket.subscribeSequenced(
                        Destinations.subscriptionFor(Destinations.PERSONAL_NOTIFICATIONS), Notification.class);

                List<Long> evaluated = QuizFixtures.evaluatedQuizzes(scheduler.runDue(
                        Instant.parse(quiz.get("endsAt").asString()).plusSeconds(6)));

                assertThat(evaluated).contains(quizId);
                Notification notification = inbox.poll(15, TimeUnit.SECONDS);
                assertThat(notification).isNotNull();
                assertThat(notification.title()).isEqualTo("Quiz result");
                assertThat(notification.text()).isEqualTo("You scored 6 of 6 in Fruit quiz");
            }
            JsonNode live = json(client().get("/api/quizzes/" + quizId + "/live", student));
            assertThat(live.get("state").asString()).isEqualTo("EVALUATED");
            assertThat(live.get("result").get("score").decimalValue()).isEqualByComparingTo("6");
            assertThat(live.get("result").get("feedback")).hasSize(3);
            assertThat(live.get("solutions").get(0).get("options").get(0).get("correct").asBoolean()).isTrue();
            assertThat(save("key-2", answers(1, "[2]", "apple")).statusCode()).isEqualTo(409);
        }

        @Test
        void shouldCountAnswersForStaffAndRefuseStatisticsToStudents() {
            save("key-1", answers(0, "[0,1]", "kiwi"));

            HttpResponse<String> response = client().get("/api/quizzes/" + quizId + "/statistics", tutor);

            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode statistics = json(response);
            assertThat(statistics.get("participants").asInt()).isEqualTo(1);
            assertThat(statistics.get("answered").asInt()).isEqualTo(1);
            assertThat(statistics.get("questions").get(1).get("correct").asInt()).isEqualTo(1);
            assertThat(statistics.get("questions").get(1).get("options").get(2).get("chosen").asInt()).isZero();
            assertThat(client().get("/api/quizzes/" + quizId + "/statistics", student).statusCode()).isEqualTo(403);
        }

        private HttpResponse<String> save(String key, String body) {
            return QuizFixtures.put(port, "/api/quizzes/" + quizId + "/submission", student, key, body);
        }

        private long questionId(int question) {
            return quiz.get("questions").get(question).get("id").asLong();
        }

        private long optionId(int question, int option) {
            return quiz.get("questions").get(question).get("options").get(option).get("id").asLong();
        }

        /** The single choice's option {@code single}, the multiple choice's options at the given indexes, a text. */
        private String answers(int single, String multiple, String text) {
            String multipleIds = multiple.replaceAll("[\\[\\]]", "").isEmpty() ? ""
                    : java.util.Arrays.stream(multiple.replaceAll("[\\[\\]]", "").split(","))
                            .map(i -> String.valueOf(optionId(1, Integer.parseInt(i.strip()))))
                            .reduce((a, b) -> a + "," + b).orElse("");
            return """
                    {"answers":[{"questionId":%d,"optionIds":[%d]},{"questionId":%d,"optionIds":[%s]},
                      {"questionId":%d,"text":"%s"}]}
                    """.formatted(questionId(0), optionId(0, single), questionId(1), multipleIds, questionId(2), text);
        }

        private void startedAt(Instant startedAt) {
            Exercise exercise = exercises.get(quizId);
            exercise.setQuizStartedAt(startedAt);
            exercises.save(exercise);
        }

        private void assertNothingSaved() {
            JsonNode own = json(client().get("/api/quizzes/" + quizId + "/submission", student));
            assertThat(own.get("version").asInt()).isZero();
            assertThat(json(client().get("/api/quizzes/" + quizId + "/statistics", tutor)).get("participants").asInt())
                    .isZero();
        }
    }

    private String tokenOf(String login) {
        return client().tokenFor(login, TestData.PASSWORD);
    }

    private long createQuiz() {
        HttpResponse<String> response = client().post("/api/courses/" + courseId + "/quizzes", instructor,
                QuizFixtures.FRUIT_QUIZ);
        assertThat(response.statusCode()).isEqualTo(201);
        return json(response).get("id").asLong();
    }

    private void start(long quizId) {
        assertThat(client().post("/api/quizzes/" + quizId + "/start", instructor, "").statusCode()).isEqualTo(200);
    }

    private long exercisesOfCourse() {
        return exercises.ofCourse(courseId, Pageable.unpaged()).getTotalElements();
    }
}
