package org.lectern.node.authorization;

import static org.lectern.node.authorization.Caller.ADMIN;
import static org.lectern.node.authorization.Caller.INSTRUCTOR;
import static org.lectern.node.authorization.Caller.OUTSIDER;
import static org.lectern.node.authorization.Caller.STUDENT_A;
import static org.lectern.node.authorization.Caller.STUDENT_B;
import static org.lectern.node.authorization.Caller.TUTOR;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lectern.node.course.CourseRole;
import org.lectern.node.support.LecternClient;
import org.lectern.node.support.TestData;
import org.lectern.node.user.UserDirectory;
import org.lectern.node.user.UserSummary;
import tools.jackson.databind.JsonNode;

/**
 * The fixture world every row of the access matrix is called on, built once through the API as its users would
 * build it: a course with an instructor, two tutors and students A and B; A's essay (assessed), file upload, team
 * work, quiz answers and a started student exam; B in another team and not registered for the exam; an outsider in
 * no course; an administrator in no course. Rows that change or use up what they touch (delete, start, hand-in)
 * get a fresh object per case from the {@code fresh...} methods, so no case depends on the order of the others.
 */
final class World {

    private final Http http;
    private final TestData data;
    private final Map<Caller, UserSummary> users = new EnumMap<>(Caller.class);
    private final Map<Caller, String> tokens = new EnumMap<>(Caller.class);

    final long course;
    final String otherTutorToken;

    final long essay;
    final long essaySubmissionA;
    final long essayResultA;
    final long lateEssay;
    final long lateResultA;
    final long upload;
    final long fileSubmissionA;
    final long workbench;
    final long editable;
    final long unreleased;
    final String unreleasedTitle = TestData.unique("Unreleased");

    final long teamExercise;
    final String redPartner;
    final String bluePartner;
    final long redTeam;
    final long blueTeam;
    final long redTeamSubmission;

    final long draftQuiz;
    final long runningQuiz;
    final String runningQuizAnswers;
    final long quizSubmissionA;

    final long exam;
    final String examBody;
    final String examTitle = TestData.unique("Exam");
    final long examGroup;
    final long examExercise;
    final long studentExamA;
    final long examSubmissionA;
    final long examResultA;
    final long examAnnouncement;
    final long hiddenExam;
    final long otherCourseExam;
    final String hiddenExamTitle = TestData.unique("Hidden");

    final String noteForA = TestData.unique("For-A-only");
    final String courseNote = TestData.unique("Course-note");

    World(Http http, LecternClient login, TestData data, UserDirectory directory) {
        this.http = http;
        this.data = data;
        course = data.newCourse();
        users.put(STUDENT_A, data.newMember(course, CourseRole.STUDENT));
        users.put(STUDENT_B, data.newMember(course, CourseRole.STUDENT));
        users.put(TUTOR, data.newMember(course, CourseRole.TUTOR));
        users.put(INSTRUCTOR, data.newMember(course, CourseRole.INSTRUCTOR));
        users.put(OUTSIDER, data.newUser());
        users.put(ADMIN, directory.create(TestData.unique("admin"), "Admin", TestData.PASSWORD, true));
        users.forEach((caller, user) -> tokens.put(caller, login.tokenFor(user.login(), TestData.PASSWORD)));
        UserSummary otherTutor = data.newMember(course, CourseRole.TUTOR);
        otherTutorToken = login.tokenFor(otherTutor.login(), TestData.PASSWORD);

        essay = newExercise("TEXT", "INDIVIDUAL", "Essay", null);
        essaySubmissionA = as(STUDENT_A, Call.put("/api/exercises/" + essay + "/submission",
                "{\"text\":\"A's essay\"}").withIdempotencyKey()).get("submissionId").asLong();
        essayResultA = as(TUTOR, Call.put("/api/submissions/" + essaySubmissionA + "/assessment",
                "{\"score\":7,\"feedback\":[{\"reference\":\"intro\",\"text\":\"Good\",\"credits\":7}]}"))
                .get("id").asLong();
        // Assessed before its assessment due date: the result must not reach A until then.
        Instant now = Instant.now();
        lateEssay = post(INSTRUCTOR, "/api/courses/" + course + "/exercises", Map.of("type", "TEXT", "mode",
                "INDIVIDUAL", "title", "Late essay", "maxPoints", 10, "dueDate", now.plus(Duration.ofDays(1)).toString(),
                "assessmentDueDate", now.plus(Duration.ofDays(2)).toString()));
        long lateSubmission = as(STUDENT_A, Call.put("/api/exercises/" + lateEssay + "/submission",
                "{\"text\":\"A's late essay\"}").withIdempotencyKey()).get("submissionId").asLong();
        lateResultA = as(TUTOR, Call.put("/api/submissions/" + lateSubmission + "/assessment",
                "{\"score\":3,\"feedback\":[{\"reference\":\"a\",\"text\":\"Weak\",\"credits\":3}]}"))
                .get("id").asLong();
        upload = post(INSTRUCTOR, "/api/courses/" + course + "/exercises", Map.of("type", "FILE_UPLOAD",
                "mode", "INDIVIDUAL", "title", "Upload", "maxPoints", 10, "fileExtensions", "pdf"));
        fileSubmissionA = as(STUDENT_A, Call.upload("/api/exercises/" + upload + "/submission/file", "answer.pdf",
                "%PDF A's answer").withIdempotencyKey()).get("submissionId").asLong();
        workbench = newExercise("TEXT", "INDIVIDUAL", "Workbench", null);
        editable = newExercise("TEXT", "INDIVIDUAL", "Editable", null);
        unreleased = newExercise("TEXT", "INDIVIDUAL", unreleasedTitle, Instant.now().plus(Duration.ofDays(30)));

        teamExercise = newExercise("TEXT", "TEAM", "Team work", null);
        redPartner = freshStudent();
        bluePartner = freshStudent();
        redTeam = newTeam(tokens.get(TUTOR), "Red", users.get(STUDENT_A).login(), redPartner);
        blueTeam = newTeam(otherTutorToken, "Blue", users.get(STUDENT_B).login(), bluePartner);
        redTeamSubmission = as(STUDENT_A, Call.put("/api/exercises/" + teamExercise + "/submission",
                "{\"text\":\"Red's work\"}").withIdempotencyKey()).get("submissionId").asLong();

        draftQuiz = freshQuiz();
        runningQuiz = post(INSTRUCTOR, "/api/courses/" + course + "/quizzes", quiz(7200));
        JsonNode started = as(INSTRUCTOR, Call.post("/api/quizzes/" + runningQuiz + "/start", ""));
        JsonNode question = started.get("questions").get(0);
        runningQuizAnswers = json(Map.of("answers", List.of(Map.of("questionId", question.get("id").asLong(),
                "optionIds", List.of(question.get("options").get(0).get("id").asLong())))));
        quizSubmissionA = as(STUDENT_A, Call.put("/api/quizzes/" + runningQuiz + "/submission", runningQuizAnswers)
                .withIdempotencyKey()).get("submissionId").asLong();

        examBody = runningExamBody(examTitle);
        exam = post(INSTRUCTOR, "/api/courses/" + course + "/exams", examBody);
        examGroup = post(INSTRUCTOR, "/api/exams/" + exam + "/exercise-groups", Map.of("title", "Task 1"));
        examExercise = newExamExercise(examGroup);
        registerAndGenerate(exam);
        as(STUDENT_A, Call.post("/api/exams/" + exam + "/student-exam/start", ""));
        studentExamA = as(STUDENT_A, Call.get("/api/exams/" + exam + "/student-exam")).get("id").asLong();
        examSubmissionA = as(STUDENT_A, Call.put("/api/exams/" + exam + "/exercises/" + examExercise + "/submission",
                "{\"text\":\"A's exam answer\"}").withIdempotencyKey()).get("submissionId").asLong();
        // Assessed, but exam results are published by the exam, never through the course's result endpoints.
        examResultA = as(TUTOR, Call.put("/api/submissions/" + examSubmissionA + "/assessment",
                "{\"score\":4,\"feedback\":[{\"reference\":\"a\",\"text\":\"Half\",\"credits\":4}]}"))
                .get("id").asLong();
        startTestRuns(exam);
        examAnnouncement = as(INSTRUCTOR, Call.post("/api/exams/" + exam + "/announcements",
                "{\"text\":\"Assume n > 0.\"}")).get("id").asLong();

        Instant tomorrow = Instant.now().plus(Duration.ofDays(1));
        hiddenExam = post(INSTRUCTOR, "/api/courses/" + course + "/exams", json(Map.of("title", hiddenExamTitle,
                "visibleDate", tomorrow.toString(), "startDate", tomorrow.plus(Duration.ofHours(1)).toString(),
                "endDate", tomorrow.plus(Duration.ofHours(3)).toString())));
        as(INSTRUCTOR, Call.post("/api/exams/" + hiddenExam + "/registrations",
                json(Map.of("logins", List.of(users.get(STUDENT_A).login())))));

        // Another course the instructor also teaches, with an exam of its own: ids of one exam must not reach into
        // another.
        long otherCourse = as(ADMIN, Call.post("/api/courses", json(Map.of("shortName", TestData.unique("D"),
                "title", "Other course")))).get("id").asLong();
        as(ADMIN, Call.put("/api/courses/" + otherCourse + "/members/" + login(INSTRUCTOR),
                "{\"role\":\"INSTRUCTOR\"}"));
        otherCourseExam = post(INSTRUCTOR, "/api/courses/" + otherCourse + "/exams", runningExamBody("Other"));

        as(ADMIN, Call.post("/api/admin/notifications", json(Map.of("recipient", users.get(STUDENT_A).login(),
                "title", noteForA, "text", "Only for A"))));
        as(INSTRUCTOR, Call.post("/api/courses/" + course + "/notifications",
                json(Map.of("title", courseNote, "text", "For the course"))));
    }

    String token(Caller caller) {
        return tokens.get(caller);
    }

    UserSummary user(Caller caller) {
        return users.get(caller);
    }

    String login(Caller caller) {
        return users.get(caller).login();
    }

    /** A new student of the course, in no team yet. */
    String freshStudent() {
        return data.newMember(course, CourseRole.STUDENT).login();
    }

    /** A new user in no course. */
    String freshUser() {
        return data.newUser().login();
    }

    long freshExercise() {
        return newExercise("TEXT", "INDIVIDUAL", "Throwaway", null);
    }

    long freshQuiz() {
        return post(INSTRUCTOR, "/api/courses/" + course + "/quizzes", quiz(60));
    }

    /** A new quiz, started: running for a minute. */
    long freshRunningQuiz() {
        long quiz = freshQuiz();
        as(INSTRUCTOR, Call.post("/api/quizzes/" + quiz + "/start", ""));
        return quiz;
    }

    /** A team of the team exercise owned by the given tutor, with a new student. */
    long freshTeam(boolean ownedByTutor) {
        return newTeam(ownedByTutor ? tokens.get(TUTOR) : otherTutorToken, TestData.unique("T"), freshStudent());
    }

    /** The registration of a new student for the running exam, not started, as the path that removes it. */
    String freshRegistrationPath() {
        String student = freshStudent();
        as(INSTRUCTOR, Call.post("/api/exams/" + exam + "/registrations", json(Map.of("logins", List.of(student)))));
        return "/api/exams/" + exam + "/registrations/" + student;
    }

    /** A new announcement of the running exam, for A. */
    long freshAnnouncement() {
        return post(INSTRUCTOR, "/api/exams/" + exam + "/announcements", Map.of("text", "Assume n >= 0."));
    }

    /** A running exam with nothing in it yet. */
    long freshExam() {
        return post(INSTRUCTOR, "/api/courses/" + course + "/exams", runningExamBody(TestData.unique("Exam")));
    }

    /** A new group of the exam that has not started yet (nothing generated): it may still change. */
    long freshFutureGroup() {
        return post(INSTRUCTOR, "/api/exams/" + hiddenExam + "/exercise-groups", Map.of("title", "Task"));
    }

    /** The path of a new exercise in a new group of the exam that has not started yet. */
    String freshFutureExercisePath() {
        long group = freshFutureGroup();
        return "/api/exercise-groups/" + group + "/exercises/" + newExamExercise(group);
    }

    /**
     * The upload path of a file upload exercise in a new running exam that A and the instructors' test runs have
     * started (the query string is left to the caller).
     */
    String freshExamUploadPath() {
        long examId = freshExam();
        long group = post(INSTRUCTOR, "/api/exams/" + examId + "/exercise-groups", Map.of("title", "Upload"));
        long exercise = post(INSTRUCTOR, "/api/exercise-groups/" + group + "/exercises", Map.of("type",
                "FILE_UPLOAD", "title", "Sketch", "maxPoints", 10, "fileExtensions", "pdf"));
        registerAndGenerate(examId);
        as(STUDENT_A, Call.post("/api/exams/" + examId + "/student-exam/start", ""));
        startTestRuns(examId);
        return "/api/exams/" + examId + "/exercises/" + exercise + "/submission/file";
    }

    /** A running exam in which A has started, and the instructor's and the administrator's test runs too. */
    long freshStartedExam() {
        long examId = freshExam();
        newExamExercise(post(INSTRUCTOR, "/api/exams/" + examId + "/exercise-groups", Map.of("title", "Task")));
        registerAndGenerate(examId);
        as(STUDENT_A, Call.post("/api/exams/" + examId + "/student-exam/start", ""));
        startTestRuns(examId);
        return examId;
    }

    static String json(Object value) {
        return Http.JSON.writeValueAsString(value);
    }

    static String quiz(int durationSeconds) {
        return """
                {"title":"Fruit quiz","durationSeconds":%d,"questions":[
                  {"type":"SINGLE_CHOICE","text":"Which fruit is yellow?","points":2,
                   "options":[{"text":"Banana","correct":true},{"text":"Cherry","correct":false}]},
                  {"type":"SHORT_ANSWER","text":"Which green fruit has a brown, hairy skin?","points":1,
                   "options":[{"text":"Kiwi"}]}]}
                """.formatted(durationSeconds);
    }

    /** Visible two hours ago, started an hour ago, ends in an hour; two hours of working time. */
    private static String runningExamBody(String title) {
        Instant now = Instant.now();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("visibleDate", now.minus(Duration.ofHours(2)).toString());
        body.put("startDate", now.minus(Duration.ofHours(1)).toString());
        body.put("endDate", now.plus(Duration.ofHours(1)).toString());
        body.put("workingTimeSeconds", 7200);
        return json(body);
    }

    private void registerAndGenerate(long examId) {
        as(INSTRUCTOR, Call.post("/api/exams/" + examId + "/registrations",
                json(Map.of("logins", List.of(login(STUDENT_A))))));
        as(INSTRUCTOR, Call.post("/api/exams/" + examId + "/student-exams/generate", ""));
    }

    private void startTestRuns(long examId) {
        for (Caller instructor : Caller.INSTRUCTORS) {
            as(instructor, Call.post("/api/exams/" + examId + "/test-runs", ""));
            as(instructor, Call.post("/api/exams/" + examId + "/student-exam/start?testRun=true", ""));
        }
    }

    private long newExamExercise(long groupId) {
        return post(INSTRUCTOR, "/api/exercise-groups/" + groupId + "/exercises", Map.of("type", "TEXT",
                "title", "Explain", "problemStatement", "Explain MVC.", "maxPoints", 10));
    }

    private long newExercise(String type, String mode, String title, Instant releaseDate) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("mode", mode);
        body.put("title", title);
        body.put("maxPoints", 10);
        if (releaseDate != null) {
            body.put("releaseDate", releaseDate.toString());
        }
        return post(INSTRUCTOR, "/api/courses/" + course + "/exercises", body);
    }

    private long newTeam(String ownerToken, String name, String... logins) {
        return http.expectSuccess(Call.post("/api/exercises/" + teamExercise + "/teams",
                json(Map.of("name", name, "memberLogins", List.of(logins)))), ownerToken).get("id").asLong();
    }

    private long post(Caller caller, String path, Object body) {
        return as(caller, Call.post(path, body instanceof String text ? text : json(body))).get("id").asLong();
    }

    private JsonNode as(Caller caller, Call call) {
        return http.expectSuccess(call, tokens.get(caller));
    }
}
