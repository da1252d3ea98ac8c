package org.lectern.node.exam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.lectern.node.course.CourseRole;
import org.lectern.node.exam.ExamScenario.Member;
import org.lectern.node.support.NodeIntegrationTest;
import org.lectern.node.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** The exam API's rules of access, input and state, on H2 (the student flow itself is in {@link ExamFlow}). */
class ExamIT extends NodeIntegrationTest {

    @Autowired
    private TestData data;

    @Autowired
    private JdbcTemplate jdbc;

    private ExamScenario exam;
    private ExamHttp http;

    @BeforeEach
    void newCourse() {
        http = new ExamHttp(port);
        exam = new ExamScenario(http, client(), data, jdbc);
    }

    private long examCount() {
        return jdbc.queryForObject("select count(*) from exams where course_id = ?", Long.class, exam.courseId);
    }

    private static Map<String, Object> examBody(Instant visible, Instant start, Instant end) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "Final");
        body.put("visibleDate", visible.toString());
        body.put("startDate", start.toString());
        body.put("endDate", end.toString());
        return body;
    }

    private long announce(long examId, String text) {
        HttpResponse<String> posted = http.post("/api/exams/" + examId + "/announcements", exam.instructor,
                Map.of("text", text));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        return ExamHttp.json(posted).get("id").asLong();
    }

    private static String announcementPath(long examId, long announcementId) {
        return "/api/exams/" + examId + "/announcements/" + announcementId;
    }

    @Nested
    class SettingUp {

        private final Instant now = Instant.now();

        @Test
        void shouldCreateAnExamWithDefaultWorkingTimeAndGrace() {
            HttpResponse<String> response = http.post("/api/courses/" + exam.courseId + "/exams", exam.instructor,
                    examBody(now, now.plus(Duration.ofHours(1)), now.plus(Duration.ofHours(3))));

            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            JsonNode created = ExamHttp.json(response);
            assertThat(created.get("workingTimeSeconds").asInt()).isEqualTo(7200);
            assertThat(created.get("gracePeriodSeconds").asInt()).isEqualTo(180);
            assertThat(http.get("/api/exams/" + created.get("id").asLong(), exam.instructor).statusCode())
                    .isEqualTo(200);
        }

        @Test
        void shouldRefuseDatesOutOfOrderWith400AndCreateNothing() {
            HttpResponse<String> response = http.post("/api/courses/" + exam.courseId + "/exams", exam.instructor,
                    examBody(now, now.plus(Duration.ofHours(2)), now.plus(Duration.ofHours(1))));

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(ExamHttp.json(response).get("detail").asString()).contains("start date");
            assertThat(examCount()).isZero();
        }

        @Test
        void shouldRefuseMalformedJsonWith400() {
            HttpResponse<String> response = http.post("/api/courses/" + exam.courseId + "/exams", exam.instructor,
                    "{\"title\": ");

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(examCount()).isZero();
        }

        @Test
        void shouldRefuseATutorWith403() {
            Member tutor = exam.member(CourseRole.TUTOR);

            HttpResponse<String> response = http.post("/api/courses/" + exam.courseId + "/exams", tutor.token(),
                    examBody(now, now.plus(Duration.ofHours(1)), now.plus(Duration.ofHours(2))));

            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(examCount()).isZero();
        }

        @Test
        void shouldAnswer404ForAnUnknownExamOrGroup() {
            assertThat(http.get("/api/exams/999999999", exam.instructor).statusCode()).isEqualTo(404);
            assertThat(http.post("/api/exercise-groups/999999999/exercises", exam.instructor,
                    Map.of("type", "TEXT", "title", "T", "maxPoints", 1)).statusCode()).isEqualTo(404);
        }

        @Test
        void shouldUpdateTheExamAndRefuseDatesOutOfOrderOnUpdate() {
            long examId = exam.runningExam();
            Map<String, Object> body = examBody(now, now.plus(Duration.ofHours(1)), now.plus(Duration.ofHours(2)));
            body.put("title", "Renamed");

            assertThat(http.put("/api/exams/" + examId, exam.instructor, body).statusCode()).isEqualTo(200);
            Map<String, Object> wrong = examBody(now.plus(Duration.ofHours(2)), now.plus(Duration.ofHours(1)),
                    now.plus(Duration.ofHours(3)));
            assertThat(http.put("/api/exams/" + examId, exam.instructor, wrong).statusCode()).isEqualTo(400);
            assertThat(ExamHttp.json(http.get("/api/exams/" + examId, exam.instructor)).get("title").asString())
                    .isEqualTo("Renamed");
        }

        @Test
        void shouldRefuseAQuizAsExamExerciseWith400() {
            long groupId = exam.group(exam.runningExam(), "G");

            HttpResponse<String> response = http.post("/api/exercise-groups/" + groupId + "/exercises",
                    exam.instructor, Map.of("type", "QUIZ", "title", "Q", "maxPoints", 1));

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(jdbc.queryForObject("select count(*) from exercises where exercise_group_id = ?", Long.class,
                    groupId)).isZero();
        }

        @Test
        void shouldDeleteAnExamNobodyStarted() {
            long examId = exam.runningExam();

            assertThat(http.delete("/api/exams/" + examId, exam.instructor).statusCode()).isEqualTo(204);
            assertThat(http.get("/api/exams/" + examId, exam.instructor).statusCode()).isEqualTo(404);
        }

        @Test
        void shouldRefuseToDeleteAnExamAStudentStartedWith409() {
            long examId = exam.runningExam();
            exam.groups(examId, 1);
            exam.start(examId, exam.registeredStudent(examId));

            assertThat(http.delete("/api/exams/" + examId, exam.instructor).statusCode()).isEqualTo(409);
            assertThat(http.get("/api/exams/" + examId, exam.instructor).statusCode()).isEqualTo(200);
        }

        @Test
        void shouldRefuseToGenerateWhileAGroupHasNoExercisesWith409() {
            long examId = exam.runningExam();
            exam.group(examId, "Empty");
            exam.register(examId, exam.member(CourseRole.STUDENT));

            HttpResponse<String> response = http.post("/api/exams/" + examId + "/student-exams/generate",
                    exam.instructor, "{}");

            assertThat(response.statusCode()).isEqualTo(409);
            assertThat(jdbc.queryForObject("select count(*) from student_exams where exam_id = ?", Long.class,
                    examId)).isZero();
        }
    }

    @Nested
    class ChangingGroupsAndExercises {

        private final Instant now = Instant.now();

        private long futureExam() {
            return exam.exam(now, now.plus(Duration.ofHours(1)), now.plus(Duration.ofHours(3)), null);
        }

        private static Map<String, Object> exerciseBody(String type, String title) {
            return Map.of("type", type, "title", title, "problemStatement", "Explain it.", "maxPoints", 12);
        }

        private JsonNode groupsOf(long examId) {
            return ExamHttp.json(http.get("/api/exams/" + examId + "/exercise-groups", exam.instructor));
        }

        @Test
        void shouldChangeAndDeleteGroupsAndExercisesBeforeTheStart() {
            long examId = futureExam();
            long groupId = exam.group(examId, "Typo");
            long exerciseId = exam.exercise(groupId, "TEXT");
            long otherId = exam.exercise(groupId, "MODELING");

            HttpResponse<String> group = http.put("/api/exercise-groups/" + groupId, exam.instructor,
                    Map.of("title", "Task 1", "mandatory", false));
            HttpResponse<String> exercise = http.put("/api/exercise-groups/" + groupId + "/exercises/" + exerciseId,
                    exam.instructor, exerciseBody("TEXT", "Explain MVC"));

            assertThat(group.statusCode()).as(group.body()).isEqualTo(200);
            assertThat(ExamHttp.json(group).get("mandatory").asBoolean()).isFalse();
            assertThat(exercise.statusCode()).as(exercise.body()).isEqualTo(200);
            JsonNode changed = groupsOf(examId).get(0);
            assertThat(changed.get("title").asString()).isEqualTo("Task 1");
            assertThat(changed.get("exercises").get(0).get("title").asString()).isEqualTo("Explain MVC");
            assertThat(changed.get("exercises").get(0).get("maxPoints").decimalValue()).isEqualByComparingTo("12");

            assertThat(http.delete("/api/exercise-groups/" + groupId + "/exercises/" + otherId, exam.instructor)
                    .statusCode()).isEqualTo(204);
            assertThat(groupsOf(examId).get(0).get("exercises")).hasSize(1);
            assertThat(http.delete("/api/exercise-groups/" + groupId, exam.instructor).statusCode()).isEqualTo(204);
            assertThat(groupsOf(examId)).isEmpty();
        }

        @Test
        void shouldRefuseChangesOnceTheExamHasStartedWith409AndChangeNothing() {
            long examId = exam.runningExam();
            long groupId = exam.group(examId, "Task 1");
            long exerciseId = exam.exercise(groupId, "TEXT");
            String exercisePath = "/api/exercise-groups/" + groupId + "/exercises/" + exerciseId;

            HttpResponse<String> group = http.put("/api/exercise-groups/" + groupId, exam.instructor,
                    Map.of("title", "Renamed"));
            HttpResponse<String> exercise = http.put(exercisePath, exam.instructor, exerciseBody("TEXT", "Renamed"));

            assertThat(group.statusCode()).isEqualTo(409);
            assertThat(ExamHttp.json(group).get("detail").asString()).contains("has started");
            assertThat(exercise.statusCode()).isEqualTo(409);
            assertThat(http.delete(exercisePath, exam.instructor).statusCode()).isEqualTo(409);
            assertThat(http.delete("/api/exercise-groups/" + groupId, exam.instructor).statusCode()).isEqualTo(409);
            JsonNode unchanged = groupsOf(examId).get(0);
            assertThat(unchanged.get("title").asString()).isEqualTo("Task 1");
            assertThat(unchanged.get("exercises").get(0).get("title").asString()).isEqualTo("TEXT task");
        }

        @Test
        void shouldRefuseDeletingFromGeneratedStudentExamsWith409ButAllowFixingATypo() {
            long examId = futureExam();
            long groupId = exam.group(examId, "Task 1");
            long exerciseId = exam.exercise(groupId, "TEXT");
            exam.register(examId, exam.member(CourseRole.STUDENT));
            exam.generate(examId);

            HttpResponse<String> delete = http.delete("/api/exercise-groups/" + groupId, exam.instructor);

            assertThat(delete.statusCode()).isEqualTo(409);
            assertThat(ExamHttp.json(delete).get("detail").asString()).contains("generated");
            assertThat(http.delete("/api/exercise-groups/" + groupId + "/exercises/" + exerciseId, exam.instructor)
                    .statusCode()).isEqualTo(409);
            assertThat(http.put("/api/exercise-groups/" + groupId + "/exercises/" + exerciseId, exam.instructor,
                    exerciseBody("TEXT", "Fixed")).statusCode()).isEqualTo(200);
            assertThat(groupsOf(examId).get(0).get("exercises")).hasSize(1);
        }

        @Test
        void shouldRefuseATutorWith403AnotherTypeWith400AndUnknownIdsWith404() {
            long examId = futureExam();
            long groupId = exam.group(examId, "Task 1");
            long otherGroupId = exam.group(examId, "Task 2");
            long exerciseId = exam.exercise(groupId, "TEXT");
            Member tutor = exam.member(CourseRole.TUTOR);
            String exercisePath = "/api/exercise-groups/" + groupId + "/exercises/" + exerciseId;

            assertThat(http.put("/api/exercise-groups/" + groupId, tutor.token(), Map.of("title", "X")).statusCode())
                    .isEqualTo(403);
            assertThat(http.delete(exercisePath, tutor.token()).statusCode()).isEqualTo(403);
            assertThat(http.put(exercisePath, exam.instructor, exerciseBody("MODELING", "X")).statusCode())
                    .isEqualTo(400);
            assertThat(http.put("/api/exercise-groups/999999999", exam.instructor, Map.of("title", "X")).statusCode())
                    .isEqualTo(404);
            assertThat(http.delete("/api/exercise-groups/" + otherGroupId + "/exercises/" + exerciseId,
                    exam.instructor).statusCode()).isEqualTo(404);
            assertThat(groupsOf(examId).get(0).get("exercises").get(0).get("title").asString())
                    .isEqualTo("TEXT task");
        }
    }

    @Nested
    class FileUploads {

        private long uploadExercise(long examId) {
            long groupId = exam.group(examId, "Sketch");
            HttpResponse<String> response = http.post("/api/exercise-groups/" + groupId + "/exercises",
                    exam.instructor, Map.of("type", "FILE_UPLOAD", "title", "Sketch", "maxPoints", 10,
                            "fileExtensions", "PDF, .png"));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            assertThat(ExamHttp.json(response).get("fileExtensions").asString()).isEqualTo("pdf,png");
            return ExamHttp.json(response).get("id").asLong();
        }

        @Test
        void shouldSaveAFileAsANewVersionAndShowItsNameInTheStudentExam() {
            long examId = exam.runningExam();
            long exerciseId = uploadExercise(examId);
            Member student = exam.registeredStudent(examId);
            exam.start(examId, student);
            String path = "/api/exams/" + examId + "/exercises/" + exerciseId + "/submission/file";

            HttpResponse<String> first = http.upload(path, student.token(), "k1", "sketch.pdf", "%PDF one");
            HttpResponse<String> replayed = http.upload(path, student.token(), "k1", "sketch.pdf", "%PDF one");
            HttpResponse<String> second = http.upload(path, student.token(), "k2", "sketch2.png", "png bytes");

            assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
            assertThat(ExamHttp.json(replayed).get("replayed").asBoolean()).isTrue();
            assertThat(ExamHttp.json(second).get("version").asInt()).isEqualTo(2);
            JsonNode item = exam.studentExam(examId, student).get("exercises").get(0);
            assertThat(item.get("fileExtensions").asString()).isEqualTo("pdf,png");
            assertThat(item.get("latestSave").get("fileName").asString()).isEqualTo("sketch2.png");
            assertThat(item.get("latestSave").get("version").asInt()).isEqualTo(2);
        }

        @Test
        void shouldRefuseAWrongTypeWith400AndAnUploadAfterTheHandInWith409() {
            long examId = exam.runningExam();
            long exerciseId = uploadExercise(examId);
            Member student = exam.registeredStudent(examId);
            exam.start(examId, student);
            String path = "/api/exams/" + examId + "/exercises/" + exerciseId + "/submission/file";

            HttpResponse<String> wrongType = http.upload(path, student.token(), "k1", "notes.exe", "MZ");
            assertThat(http.post("/api/exams/" + examId + "/student-exam/hand-in", student.token(), "{}")
                    .statusCode()).isEqualTo(200);
            HttpResponse<String> late = http.upload(path, student.token(), "k2", "sketch.pdf", "%PDF late");

            assertThat(wrongType.statusCode()).isEqualTo(400);
            assertThat(ExamHttp.json(wrongType).get("detail").asString()).contains("pdf,png");
            assertThat(late.statusCode()).isEqualTo(409);
            assertThat(exam.studentExam(examId, student).get("exercises").get(0).get("latestSave").isNull())
                    .isTrue();
        }

        @Test
        void shouldRefuseAFileUploadExerciseWithoutExtensionsWith400AndAnotherStudentsUploadWith403() {
            long examId = exam.runningExam();
            long groupId = exam.group(examId, "Sketch");
            HttpResponse<String> noExtensions = http.post("/api/exercise-groups/" + groupId + "/exercises",
                    exam.instructor, Map.of("type", "FILE_UPLOAD", "title", "Sketch", "maxPoints", 10));
            HttpResponse<String> created = http.post("/api/exercise-groups/" + groupId + "/exercises",
                    exam.instructor, Map.of("type", "FILE_UPLOAD", "title", "Sketch", "maxPoints", 10,
                            "fileExtensions", "pdf"));
            long exerciseId = ExamHttp.json(created).get("id").asLong();
            exam.registeredStudent(examId);
            Member outsider = exam.member(CourseRole.STUDENT);

            assertThat(noExtensions.statusCode()).isEqualTo(400);
            assertThat(http.upload("/api/exams/" + examId + "/exercises/" + exerciseId + "/submission/file",
                    outsider.token(), "k1", "sketch.pdf", "%PDF").statusCode()).isEqualTo(403);
        }
    }

    @Nested
    class Registering {

        @Test
        void shouldRefuseUnknownLoginsAndNonStudentsWith400AndRegisterNobody() {
            long examId = exam.runningExam();
            Member student = exam.member(CourseRole.STUDENT);
            Member tutor = exam.member(CourseRole.TUTOR);

            HttpResponse<String> response = http.post("/api/exams/" + examId + "/registrations", exam.instructor,
                    Map.of("logins", List.of(student.user().login(), tutor.user().login(), "nobody-here")));

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(ExamHttp.json(response).get("detail").asString())
                    .contains(tutor.user().login(), "nobody-here").doesNotContain(student.user().login());
            assertThat(ExamHttp.json(http.get("/api/exams/" + examId + "/registrations", exam.instructor))
                    .get("content")).isEmpty();
        }

        @Test
        void shouldRegisterOnceAndListTheStatus() {
            long examId = exam.runningExam();
            exam.groups(examId, 1);
            Member student = exam.member(CourseRole.STUDENT);
            Map<String, Object> body = Map.of("logins", List.of(student.user().login()));

            JsonNode first = ExamHttp.json(http.post("/api/exams/" + examId + "/registrations", exam.instructor, body));
            JsonNode second = ExamHttp.json(http.post("/api/exams/" + examId + "/registrations", exam.instructor,
                    body));
            exam.generate(examId);

            assertThat(first.get("registered").asInt()).isEqualTo(1);
            assertThat(second.get("registered").asInt()).isZero();
            assertThat(second.get("alreadyRegistered").asInt()).isEqualTo(1);
            JsonNode listed = ExamHttp.json(http.get("/api/exams/" + examId + "/registrations", exam.instructor))
                    .get("content");
            assertThat(listed).hasSize(1);
            assertThat(listed.get(0).get("login").asString()).isEqualTo(student.user().login());
            assertThat(listed.get(0).get("status").asString()).isEqualTo("GENERATED");
        }

        @Test
        void shouldTakeAStudentOffTheExamWithTheirStudentExamUntilTheyStartIt() {
            long examId = exam.runningExam();
            exam.groups(examId, 1);
            Member student = exam.registeredStudent(examId);
            String path = "/api/exams/" + examId + "/registrations/" + student.user().login();
            String studentExams = "select count(*) from student_exams where exam_id = ? and user_id = ?";
            assertThat(jdbc.queryForObject(studentExams, Long.class, examId, student.user().id())).isEqualTo(1);

            assertThat(http.delete(path, student.token()).statusCode()).isEqualTo(403);
            assertThat(http.delete(path, exam.instructor).statusCode()).isEqualTo(204);

            assertThat(ExamHttp.json(http.get("/api/exams/" + examId + "/registrations", exam.instructor))
                    .get("content")).isEmpty();
            assertThat(jdbc.queryForObject(studentExams, Long.class, examId, student.user().id())).isZero();
            assertThat(http.get("/api/exams/" + examId, student.token()).statusCode()).isEqualTo(403);
            assertThat(http.delete(path, exam.instructor).statusCode()).isEqualTo(404);
            assertThat(http.delete("/api/exams/" + examId + "/registrations/nobody-here", exam.instructor)
                    .statusCode()).isEqualTo(404);
        }

        @Test
        void shouldKeepTheRegistrationAndTheWorkOfAStudentWhoStartedWith409() {
            long examId = exam.runningExam();
            exam.groups(examId, 1);
            Member student = exam.registeredStudent(examId);
            exam.start(examId, student);
            long exercise = exam.firstExercise(examId, student);
            assertThat(exam.saveText(examId, exercise, student, "k1", "my answer").statusCode()).isEqualTo(200);

            HttpResponse<String> refused = http.delete("/api/exams/" + examId + "/registrations/"
                    + student.user().login(), exam.instructor);

            assertThat(refused.statusCode()).isEqualTo(409);
            assertThat(ExamHttp.json(refused).get("detail").asString()).contains("has started");
            await().untilAsserted(() -> assertThat(exam.savedVersions(examId, student)).isEqualTo(1));
            assertThat(http.get("/api/exams/" + examId + "/student-exam", student.token()).statusCode())
                    .isEqualTo(200);
        }
    }

    @Nested
    class StudentsAccess {

        @Test
        void shouldListOnlyVisibleExamsTheStudentIsRegisteredFor() {
            Instant now = Instant.now();
            long visible = exam.runningExam();
            long hidden = exam.exam(now.plus(Duration.ofHours(1)), now.plus(Duration.ofHours(2)),
                    now.plus(Duration.ofHours(3)), null);
            long notRegistered = exam.runningExam();
            Member student = exam.member(CourseRole.STUDENT);
            exam.register(visible, student);
            exam.register(hidden, student);

            JsonNode listed = ExamHttp.json(http.get("/api/courses/" + exam.courseId + "/exams", student.token()))
                    .get("content");

            assertThat(listed).hasSize(1);
            assertThat(listed.get(0).get("id").asLong()).isEqualTo(visible);
            assertThat(http.get("/api/exams/" + hidden, student.token()).statusCode()).isEqualTo(404);
            assertThat(http.get("/api/exams/" + notRegistered, student.token()).statusCode()).isEqualTo(403);
            assertThat(ExamHttp.json(http.get("/api/courses/" + exam.courseId + "/exams", exam.instructor))
                    .get("content")).hasSize(3);
        }

        @Test
        void shouldHideTheStudentExamBeforeTheExamIsVisible() {
            Instant now = Instant.now();
            long examId = exam.exam(now.plus(Duration.ofHours(1)), now.plus(Duration.ofHours(2)),
                    now.plus(Duration.ofHours(3)), null);
            exam.groups(examId, 1);
            Member student = exam.registeredStudent(examId);

            assertThat(http.get("/api/exams/" + examId + "/student-exam", student.token()).statusCode())
                    .isEqualTo(404);
        }

        @Test
        void shouldRefuseAStartBeforeTheStartDateWith409() {
            Instant now = Instant.now();
            long examId = exam.exam(now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(1)),
                    now.plus(Duration.ofHours(2)), null);
            exam.groups(examId, 1);
            Member student = exam.registeredStudent(examId);

            assertThat(http.post("/api/exams/" + examId + "/student-exam/start", student.token(), "{}").statusCode())
                    .isEqualTo(409);
            assertThat(exam.studentExam(examId, student).get("startedAt").isNull()).isTrue();
        }

        @Test
        void shouldRefuseAStudentOfAnotherCourseWith403() {
            long examId = exam.runningExam();
            exam.groups(examId, 1);
            Member student = exam.registeredStudent(examId);
            exam.start(examId, student);
            long exercise = exam.firstExercise(examId, student);
            ExamScenario other = new ExamScenario(http, client(), data, jdbc);
            Member stranger = other.member(CourseRole.STUDENT);

            assertThat(http.get("/api/exams/" + examId, stranger.token()).statusCode()).isEqualTo(403);
            assertThat(http.get("/api/exams/" + examId + "/student-exam", stranger.token()).statusCode())
                    .isEqualTo(403);
            assertThat(exam.saveText(examId, exercise, stranger, "k1", "x").statusCode()).isEqualTo(403);
            assertThat(exam.savedVersions(examId, stranger)).isZero();
        }

        @Test
        void shouldRefuseARegisteredStudentWhoseExamIsNotGeneratedWith404() {
            long examId = exam.runningExam();
            Member student = exam.member(CourseRole.STUDENT);
            exam.register(examId, student);

            assertThat(http.post("/api/exams/" + examId + "/student-exam/start", student.token(), "{}").statusCode())
                    .isEqualTo(404);
        }
    }

    @Nested
    class Saving {

        private long examId;
        private List<Long> variants;
        private Member student;
        private long ownExercise;

        @BeforeEach
        void startedStudent() {
            examId = exam.runningExam();
            variants = exam.groups(examId, 2).get(0);
            student = exam.registeredStudent(examId);
            exam.start(examId, student);
            ownExercise = exam.firstExercise(examId, student);
        }

        @Test
        void shouldRefuseASaveIntoAnExerciseOutsideTheOwnExamWith403() {
            long otherVariant = variants.stream().filter(id -> id != ownExercise).findFirst().orElseThrow();

            assertThat(exam.saveText(examId, otherVariant, student, "k1", "x").statusCode()).isEqualTo(403);
            assertThat(exam.savedVersions(examId, student)).isZero();
        }

        @Test
        void shouldRefuseAnUnregisteredStudentsSaveIntoAnotherStudentsExerciseWith403() {
            Member other = exam.registeredStudent(examId);
            exam.start(examId, other);
            long othersExercise = exam.firstExercise(examId, other);
            Member outsider = exam.member(CourseRole.STUDENT);

            // A student of the course without a registration: refused before the exercise is even looked at.
            assertThat(exam.saveText(examId, othersExercise, outsider, "k1", "x").statusCode()).isEqualTo(403);
            assertThat(exam.savedVersions(examId, outsider)).isZero();
        }

        @Test
        void shouldAnswer404ForAnUnknownExercise() {
            assertThat(exam.saveText(examId, 999999999, student, "k1", "x").statusCode()).isEqualTo(404);
        }

        @Test
        void shouldRefuseASaveWithoutIdempotencyKeyWith400() {
            assertThat(exam.saveText(examId, ownExercise, student, null, "x").statusCode()).isEqualTo(400);
            assertThat(exam.savedVersions(examId, student)).isZero();
        }

        @Test
        void shouldRefuseAModelForATextExerciseWith400() {
            HttpResponse<String> response = http.save("/api/exams/" + examId + "/exercises/" + ownExercise
                    + "/submission", student.token(), "k1", Map.of("model", Map.of("a", 1)));

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(exam.savedVersions(examId, student)).isZero();
        }

        @Test
        void shouldRefuseMalformedJsonWith400() {
            HttpResponse<String> response = http.save("/api/exams/" + examId + "/exercises/" + ownExercise
                    + "/submission", student.token(), "k1", "{\"text\": ");

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(exam.savedVersions(examId, student)).isZero();
        }
    }

    @Nested
    class DuringTheExam {

        @Test
        void shouldDeliverAnnouncementsToRegisteredStudents() {
            long examId = exam.runningExam();
            exam.groups(examId, 1);
            Member student = exam.registeredStudent(examId);
            Member unregistered = exam.member(CourseRole.STUDENT);

            HttpResponse<String> posted = http.post("/api/exams/" + examId + "/announcements", exam.instructor,
                    Map.of("text", "Task 2: assume n > 0."));

            assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
            JsonNode seen = ExamHttp.json(http.get("/api/exams/" + examId + "/announcements", student.token()));
            assertThat(seen).hasSize(1);
            assertThat(seen.get(0).get("text").asString()).isEqualTo("Task 2: assume n > 0.");
            assertThat(http.get("/api/exams/" + examId + "/announcements", unregistered.token()).statusCode())
                    .isEqualTo(403);
            // Stored with the announcement in one transaction, so the student's notification list has it too.
            assertThat(ExamHttp.json(http.get("/api/notifications", student.token())).get("content").valueStream()
                    .map(notification -> notification.get("text").asString()))
                    .anySatisfy(text -> assertThat(text).endsWith("Task 2: assume n > 0."));
            assertThat(ExamHttp.json(http.get("/api/notifications", unregistered.token())).get("content").valueStream()
                    .map(notification -> notification.get("text").asString()))
                    .noneSatisfy(text -> assertThat(text).endsWith("Task 2: assume n > 0."));
        }

        @Test
        void shouldRefuseAnnouncementsFromTutorsAndBlankOnes() {
            long examId = exam.runningExam();
            Member tutor = exam.member(CourseRole.TUTOR);

            assertThat(http.post("/api/exams/" + examId + "/announcements", tutor.token(), Map.of("text", "Hi"))
                    .statusCode()).isEqualTo(403);
            assertThat(http.post("/api/exams/" + examId + "/announcements", exam.instructor, Map.of("text", " "))
                    .statusCode()).isEqualTo(400);
            assertThat(ExamHttp.json(http.get("/api/exams/" + examId + "/announcements", tutor.token()))).isEmpty();
        }

        @Test
        void shouldCorrectAnAnnouncementSoThatStudentsReadTheNewTextAndAreNotified() {
            long examId = exam.runningExam();
            exam.groups(examId, 1);
            Member student = exam.registeredStudent(examId);
            long announcement = announce(examId, "Task 2: asume n > 0.");

            HttpResponse<String> corrected = http.put(announcementPath(examId, announcement), exam.instructor,
                    Map.of("text", "Task 2: assume n > 0."));

            assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(200);
            assertThat(ExamHttp.json(corrected).get("editedAt").isNull()).isFalse();
            JsonNode seen = ExamHttp.json(http.get("/api/exams/" + examId + "/announcements", student.token()));
            assertThat(seen).hasSize(1);
            assertThat(seen.get(0).get("id").asLong()).isEqualTo(announcement);
            assertThat(seen.get(0).get("text").asString()).isEqualTo("Task 2: assume n > 0.");
            assertThat(Instant.parse(seen.get(0).get("editedAt").asString()))
                    .isAfterOrEqualTo(Instant.parse(seen.get(0).get("createdAt").asString()));
            assertThat(ExamHttp.json(http.get("/api/notifications", student.token())).get("content").valueStream()
                    .filter(notification -> notification.get("title").asString().equals("Exam announcement corrected"))
                    .map(notification -> notification.get("text").asString()))
                    .singleElement().satisfies(text -> assertThat(text).endsWith(": Task 2: assume n > 0."));
        }

        @Test
        void shouldRetractAnAnnouncementSoThatStudentsNoLongerSeeIt() {
            long examId = exam.runningExam();
            exam.groups(examId, 1);
            Member student = exam.registeredStudent(examId);
            long wrong = announce(examId, "Task 3 is cancelled.");
            announce(examId, "Task 2: assume n > 0.");

            assertThat(http.delete(announcementPath(examId, wrong), exam.instructor).statusCode()).isEqualTo(204);

            JsonNode seen = ExamHttp.json(http.get("/api/exams/" + examId + "/announcements", student.token()));
            assertThat(seen.valueStream().map(a -> a.get("text").asString())).containsExactly("Task 2: assume n > 0.");
            assertThat(http.delete(announcementPath(examId, wrong), exam.instructor).statusCode()).isEqualTo(404);
            assertThat(http.put(announcementPath(examId, wrong), exam.instructor, Map.of("text", "Back"))
                    .statusCode()).isEqualTo(404);
        }

        @Test
        void shouldRefuseCorrectionsAndRetractionsFromTutorsAndStudentsWith403AndBlankTextWith400() {
            long examId = exam.runningExam();
            exam.groups(examId, 1);
            Member student = exam.registeredStudent(examId);
            Member tutor = exam.member(CourseRole.TUTOR);
            long announcement = announce(examId, "Task 2: assume n > 0.");
            String path = announcementPath(examId, announcement);

            assertThat(http.put(path, tutor.token(), Map.of("text", "Mine")).statusCode()).isEqualTo(403);
            assertThat(http.delete(path, tutor.token()).statusCode()).isEqualTo(403);
            assertThat(http.put(path, student.token(), Map.of("text", "Mine")).statusCode()).isEqualTo(403);
            assertThat(http.delete(path, student.token()).statusCode()).isEqualTo(403);
            assertThat(http.put(path, exam.instructor, Map.of("text", " ")).statusCode()).isEqualTo(400);
            assertThat(http.put(path, exam.instructor, Map.of("text", "x".repeat(2001))).statusCode())
                    .isEqualTo(400);

            JsonNode seen = ExamHttp.json(http.get("/api/exams/" + examId + "/announcements", student.token()));
            assertThat(seen).hasSize(1);
            assertThat(seen.get(0).get("text").asString()).isEqualTo("Task 2: assume n > 0.");
            assertThat(seen.get(0).get("editedAt").isNull()).isTrue();
        }

        @Test
        void shouldAnswer404ForAnUnknownAnnouncementOrOneOfAnotherExam() {
            long examId = exam.runningExam();
            long otherExam = exam.runningExam();
            long ofTheOtherExam = announce(otherExam, "Only for the other exam.");

            assertThat(http.put(announcementPath(examId, ofTheOtherExam), exam.instructor, Map.of("text", "Moved"))
                    .statusCode()).isEqualTo(404);
            assertThat(http.delete(announcementPath(examId, ofTheOtherExam), exam.instructor).statusCode())
                    .isEqualTo(404);
            assertThat(http.put(announcementPath(examId, Long.MAX_VALUE), exam.instructor, Map.of("text", "New"))
                    .statusCode()).isEqualTo(404);
            assertThat(http.delete(announcementPath(examId, Long.MAX_VALUE), exam.instructor).statusCode())
                    .isEqualTo(404);
            assertThat(ExamHttp.json(http.get("/api/exams/" + otherExam + "/announcements", exam.instructor))
                    .valueStream().map(a -> a.get("text").asString())).containsExactly("Only for the other exam.");
        }

        @Test
        void shouldChangeTheWorkingTimeOfEveryoneNotHandedIn() {
            long examId = exam.runningExam();
            exam.groups(examId, 1);
            Member working = exam.registeredStudent(examId);
            Member done = exam.registeredStudent(examId);
            exam.start(examId, working);
            exam.start(examId, done);
            assertThat(exam.handIn(examId, done).statusCode()).isEqualTo(200);

            HttpResponse<String> response = http.put("/api/exams/" + examId + "/working-time", exam.instructor,
                    Map.of("workingTimeSeconds", 5400));

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(ExamHttp.json(response).get("updated").asInt()).isEqualTo(1);
            assertThat(exam.studentExam(examId, working).get("workingTimeSeconds").asInt()).isEqualTo(5400);
            assertThat(exam.studentExam(examId, done).get("workingTimeSeconds").asInt()).isEqualTo(3600);
        }

        @Test
        void shouldRefuseANonPositiveWorkingTimeWith400() {
            long examId = exam.runningExam();
            exam.groups(examId, 1);
            Member student = exam.registeredStudent(examId);
            long studentExamId = exam.studentExam(examId, student).get("id").asLong();

            assertThat(http.put("/api/exams/" + examId + "/student-exams/" + studentExamId + "/working-time",
                    exam.instructor, Map.of("workingTimeSeconds", 0)).statusCode()).isEqualTo(400);
            assertThat(http.put("/api/exams/" + examId + "/student-exams/999999999/working-time",
                    exam.instructor, Map.of("workingTimeSeconds", 60)).statusCode()).isEqualTo(404);
            assertThat(exam.studentExam(examId, student).get("workingTimeSeconds").asInt()).isEqualTo(3600);
        }
    }

    @Nested
    class TestRunsAndFigures {

        @Test
        void shouldGiveTheInstructorOneTestRunUsableThroughTheStudentEndpoints() {
            long examId = exam.runningExam();
            exam.groups(examId, 2);

            HttpResponse<String> created = http.post("/api/exams/" + examId + "/test-runs", exam.instructor, "{}");
            HttpResponse<String> again = http.post("/api/exams/" + examId + "/test-runs", exam.instructor, "{}");

            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            assertThat(again.statusCode()).isEqualTo(200);
            assertThat(ExamHttp.json(again).get("id").asLong()).isEqualTo(ExamHttp.json(created).get("id").asLong());
            assertThat(ExamHttp.json(created).get("testRun").asBoolean()).isTrue();
            long exercise = ExamHttp.json(created).get("exercises").get(0).get("id").asLong();
            assertThat(http.post("/api/exams/" + examId + "/student-exam/start?testRun=true", exam.instructor, "{}")
                    .statusCode()).isEqualTo(200);
            assertThat(http.save("/api/exams/" + examId + "/exercises/" + exercise + "/submission?testRun=true",
                    exam.instructor, "t1", Map.of("text", "trying")).statusCode()).isEqualTo(200);
            assertThat(http.post("/api/exams/" + examId + "/student-exam/hand-in?testRun=true", exam.instructor,
                    "{}").statusCode()).isEqualTo(200);
        }

        @Test
        void shouldRefuseTestRunsToStudents() {
            long examId = exam.runningExam();
            exam.groups(examId, 1);
            Member student = exam.registeredStudent(examId);

            assertThat(http.post("/api/exams/" + examId + "/test-runs", student.token(), "{}").statusCode())
                    .isEqualTo(403);
            assertThat(http.get("/api/exams/" + examId + "/student-exam?testRun=true", student.token())
                    .statusCode()).isEqualTo(403);
        }

        @Test
        void shouldCountStudentsAndSavesButNoTestRuns() {
            long examId = exam.runningExam();
            exam.groups(examId, 1);
            Member saving = exam.registeredStudent(examId);
            Member handingIn = exam.registeredStudent(examId);
            exam.register(examId, exam.member(CourseRole.STUDENT)); // registered after the last generation
            exam.start(examId, saving);
            exam.start(examId, handingIn);
            long exercise = exam.firstExercise(examId, saving);
            exam.saveText(examId, exercise, saving, "k1", "a");
            exam.saveText(examId, exercise, saving, "k2", "b");
            exam.saveText(examId, exercise, saving, "k2", "b");
            assertThat(exam.handIn(examId, handingIn).statusCode()).isEqualTo(200);
            long testRunExercise = ExamHttp.json(http.post("/api/exams/" + examId + "/test-runs", exam.instructor,
                    "{}")).get("exercises").get(0).get("id").asLong();
            http.post("/api/exams/" + examId + "/student-exam/start?testRun=true", exam.instructor, "{}");
            assertThat(http.save("/api/exams/" + examId + "/exercises/" + testRunExercise + "/submission?testRun=true",
                    exam.instructor, "t1", Map.of("text", "test")).statusCode()).isEqualTo(200);

            String tutor = exam.member(CourseRole.TUTOR).token();

            // Saves are counted in the database, which live saves reach within a flush interval.
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                HttpResponse<String> response = http.get("/api/exams/" + examId + "/figures", tutor);
                assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                JsonNode figures = ExamHttp.json(response);
                assertThat(figures.get("registered").asLong()).isEqualTo(3);
                assertThat(figures.get("generated").asLong()).isEqualTo(2);
                assertThat(figures.get("started").asLong()).isEqualTo(2);
                assertThat(figures.get("submitted").asLong()).isEqualTo(1);
                assertThat(figures.get("savesLastMinute").asLong()).isEqualTo(2);
                assertThat(figures.get("savesPerMinute")).hasSize(10);
                assertThat(figures.get("savesPerMinute").valueStream().mapToLong(m -> m.get("saves").asLong())
                        .sum()).isEqualTo(2);
            });
            assertThat(http.get("/api/exams/" + examId + "/figures", saving.token()).statusCode()).isEqualTo(403);
        }
    }
}
