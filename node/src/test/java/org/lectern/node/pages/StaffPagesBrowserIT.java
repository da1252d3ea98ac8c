package org.lectern.node.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lectern.node.support.Browsers.screenshot;
import static org.lectern.node.support.Browsers.waitFor;
import static org.openqa.selenium.support.ui.ExpectedConditions.attributeToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable;
import static org.openqa.selenium.support.ui.ExpectedConditions.textMatches;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlContains;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.lectern.node.course.CourseRole;
import org.lectern.node.support.LecternClient;
import org.lectern.node.support.TestData;
import org.lectern.node.user.UserSummary;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

/** The instructor and tutor pages in Debian's headless Chromium: preparing a course and an exam, assessing. */
class StaffPagesBrowserIT extends BrowserPagesSupport {

    private static void type(WebDriver browser, String id, String text) {
        WebElement field = waitFor(browser).until(visibilityOfElementLocated(By.id(id)));
        field.clear();
        field.sendKeys(text);
    }

    private static void click(WebDriver browser, String id) {
        waitFor(browser).until(elementToBeClickable(By.id(id))).click();
    }

    private static void await(WebDriver browser, String id, String text) {
        waitFor(browser).until(textToBePresentInElementLocated(By.id(id), text));
    }

    /** A datetime-local field set to now plus the minutes, in the browser's own time zone. */
    private static void minutesFromNow(WebDriver browser, String id, int minutes) {
        ((JavascriptExecutor) browser).executeScript("""
                const d = new Date(Date.now() + arguments[1] * 60000);
                const local = new Date(d.getTime() - d.getTimezoneOffset() * 60000).toISOString().slice(0, 16);
                document.getElementById(arguments[0]).value = local;""", id, minutes);
    }

    @Test
    void shouldShowTheStudentTheQuizAndTheTextExerciseWhenTheInstructorCreatesThemThroughThePages() {
        long course = data.newCourse();
        UserSummary instructor = data.newMember(course, CourseRole.INSTRUCTOR);
        UserSummary student = data.newMember(course, CourseRole.STUDENT);

        WebDriver browser = loggedIn(instructor);
        browser.get(base() + "/courses/" + course);
        click(browser, "manage-link");
        type(browser, "quiz-title", "Fruit quiz");
        type(browser, "q1-text", "Which fruit is yellow?");
        type(browser, "q1-points", "2");
        type(browser, "q1-o1-text", "Banana");
        click(browser, "q1-o1-correct");
        type(browser, "q1-o2-text", "Cherry");
        click(browser, "add-question");
        new Select(browser.findElement(By.id("q2-type"))).selectByValue("MULTIPLE_CHOICE");
        type(browser, "q2-text", "Which are citrus fruits?");
        type(browser, "q2-points", "3");
        type(browser, "q2-o1-text", "Lemon");
        click(browser, "q2-o1-correct");
        type(browser, "q2-o2-text", "Lime");
        click(browser, "q2-o2-correct");
        click(browser, "q2-add-option");
        type(browser, "q2-o3-text", "Apple");
        screenshot(browser, "staff-course-manage");
        click(browser, "create-quiz");
        await(browser, "quiz-status", "Quiz \"Fruit quiz\" created.");

        new Select(browser.findElement(By.id("exercise-type"))).selectByValue("TEXT");
        type(browser, "exercise-title", "Essay on observers");
        type(browser, "exercise-statement", "Explain the observer pattern.");
        type(browser, "exercise-points", "10");
        minutesFromNow(browser, "exercise-due", 60 * 24);
        click(browser, "create-exercise");
        await(browser, "exercise-status", "Exercise \"Essay on observers\" created.");

        JsonNode exercises = new RestCalls(base()).call("GET", "/api/courses/" + course + "/exercises",
                token(instructor.login(), TestData.PASSWORD), null).get("content");
        JsonNode quiz = exercises.findParents("type").stream().filter(e -> e.get("type").asString().equals("QUIZ"))
                .findFirst().orElseThrow();
        JsonNode staffView = new RestCalls(base()).call("GET", "/api/quizzes/" + quiz.get("id").asLong(),
                token(instructor.login(), TestData.PASSWORD), null);
        assertThat(staffView.get("questions")).hasSize(2);
        assertThat(staffView.get("questions").get(1).get("type").asString()).isEqualTo("MULTIPLE_CHOICE");
        assertThat(staffView.get("questions").get(1).get("options")).hasSize(3);
        assertThat(staffView.get("maxPoints").decimalValue()).isEqualByComparingTo("5");

        WebDriver studentBrowser = loggedIn(student);
        studentBrowser.get(base() + "/courses/" + course);
        await(studentBrowser, "exercise-rows", "Fruit quiz");
        await(studentBrowser, "exercise-rows", "Essay on observers");

        browser.get(base() + "/courses/" + course);
        await(browser, "exercise-rows", "Essay on observers");
        assertThat(browser.findElement(By.linkText("Essay on observers")).getAttribute("href"))
                .endsWith("/assessment");
        assertThat(browser.findElement(By.linkText("Fruit quiz")).getAttribute("href")).endsWith("/control");
        screenshot(browser, "staff-course");
    }

    @Test
    void shouldLetTheStudentOpenTheExamWhenTheInstructorPreparesItWithAGroupAndStudentsFromCsv() throws IOException {
        long course = data.newCourse();
        UserSummary instructor = data.newMember(course, CourseRole.INSTRUCTOR);
        String login = TestData.unique("csv");
        WebDriver browser = loggedIn(instructor);
        browser.get(base() + "/courses/" + course + "/manage");

        type(browser, "csv-text", "login,name,role,password\n" + login + ",\"Doe, Jane\",STUDENT,first-password\n"
                + "x" + login + ",Tess,PROF,\n");
        click(browser, "upload-csv");
        await(browser, "csv-errors", "Line 3, column 3: unknown role 'PROF'");
        screenshot(browser.findElement(By.id("csv-form")), "staff-csv-errors");
        type(browser, "csv-text", "login,name,role,password\n" + login + ",\"Doe, Jane\",STUDENT,first-password\n");
        click(browser, "upload-csv");
        await(browser, "csv-status", "Done: 1 users created, 1 enrolled");
        assertThat(browser.findElements(By.cssSelector("#csv-errors li"))).isEmpty();

        type(browser, "exam-title", "Final exam");
        minutesFromNow(browser, "exam-visible", -2);
        minutesFromNow(browser, "exam-start", -2);
        minutesFromNow(browser, "exam-end", 180);
        type(browser, "exam-working-minutes", "120");
        click(browser, "create-exam");
        waitFor(browser).until(urlContains("/prepare"));
        long exam = Long.parseLong(browser.getCurrentUrl().replaceAll(".*/exams/(\\d+)/prepare.*", "$1"));

        type(browser, "group-title", "Observer");
        click(browser, "add-group");
        type(browser, "group-1-exercise-title", "Explain observers");
        type(browser, "group-1-statement", "Who notifies whom?");
        click(browser, "group-1-add-exercise");
        await(browser, "groups", "Explain observers");

        Path csv = Files.createTempFile("students", ".csv");
        try {
            Files.writeString(csv, "login,name\n" + login + ",\"Doe, Jane\"\n");
            browser.findElement(By.id("register-file")).sendKeys(csv.toAbsolutePath().toString());
            click(browser, "register");
            await(browser, "register-status", "1 registered, 0 were registered already.");
        } finally {
            Files.deleteIfExists(csv);
        }
        await(browser, "registration-rows", login);
        click(browser, "generate");
        await(browser, "generate-status", "1 student exams generated.");
        await(browser, "registration-rows", "exam generated");
        assertThat(browser.findElement(By.id("monitor-link")).getAttribute("href")).endsWith("/exams/" + exam + "/monitor");
        screenshot(browser, "staff-exam-prepare");
        screenshot(browser.findElement(By.id("register-form")), "staff-exam-register");

        WebDriver studentBrowser = loggedIn(login, "first-password");
        studentBrowser.get(base() + "/exams/" + exam);
        await(studentBrowser, "exam-working-time", "Working time: 120 minutes");
        click(studentBrowser, "start-exam");
        await(studentBrowser, "exercise-title", "Explain observers");
        await(studentBrowser, "exercise-statement", "Who notifies whom?");
    }

    @Test
    void shouldShowTheStudentTheScoreWhenATutorAssessesTheTextSubmission() {
        long course = data.newCourse();
        UserSummary instructor = data.newMember(course, CourseRole.INSTRUCTOR);
        UserSummary tutor = data.newMember(course, CourseRole.TUTOR);
        UserSummary student = data.newMember(course, CourseRole.STUDENT);
        RestCalls rest = new RestCalls(base());
        long exercise = rest.create("/api/courses/" + course + "/exercises", token(instructor.login(), TestData.PASSWORD),
                "{\"type\":\"TEXT\",\"mode\":\"INDIVIDUAL\",\"title\":\"Essay\",\"maxPoints\":10}");
        rest.call("PUT", "/api/exercises/" + exercise + "/submission", token(student.login(), TestData.PASSWORD),
                "{\"text\":\"The subject notifies its observers.\"}");

        WebDriver browser = loggedIn(tutor);
        browser.get(base() + "/courses/" + course);
        await(browser, "exercise-rows", "Essay");
        browser.findElement(By.linkText("Essay")).click();
        waitFor(browser).until(urlContains("/exercises/" + exercise + "/assessment"));
        By open = By.cssSelector("tr[data-student='" + student.login() + "'] button");
        waitFor(browser).until(elementToBeClickable(open)).click();
        await(browser, "submission-content", "The subject notifies its observers.");
        type(browser, "score", "7");
        type(browser, "fb1-reference", "intro");
        type(browser, "fb1-text", "Well argued");
        type(browser, "fb1-credits", "5");
        click(browser, "add-feedback");
        type(browser, "fb2-text", "Conclusion too short");
        type(browser, "fb2-credits", "1");
        click(browser, "save-assessment");
        await(browser, "assessment-status", "Not done:");
        type(browser, "fb2-credits", "2");
        click(browser, "save-assessment");
        await(browser, "assessment-status", "Saved: 7");
        await(browser, "submission-rows", "Assessed: 7");
        screenshot(browser, "staff-assessment");

        WebDriver studentBrowser = loggedIn(student);
        studentBrowser.get(base() + "/courses/" + course);
        waitFor(studentBrowser).until(textMatches(By.cssSelector("tr[data-exercise-id='" + exercise + "'] .result"),
                Pattern.compile("^7(\\.00)? of 10(\\.00)? points$")));
    }

    @Test
    void shouldRefuseEveryStaffPageWith403WithoutItsDataWhenAStudentOrTutorOpensIt() {
        long course = data.newCourse();
        UserSummary instructor = data.newMember(course, CourseRole.INSTRUCTOR);
        UserSummary tutor = data.newMember(course, CourseRole.TUTOR);
        UserSummary student = data.newMember(course, CourseRole.STUDENT);
        String staff = token(instructor.login(), TestData.PASSWORD);
        RestCalls rest = new RestCalls(base());
        long exercise = rest.create("/api/courses/" + course + "/exercises", staff,
                "{\"type\":\"TEXT\",\"mode\":\"INDIVIDUAL\",\"title\":\"Secret essay\",\"maxPoints\":10}");
        long quiz = rest.create("/api/courses/" + course + "/quizzes", staff, """
                {"title":"Secret quiz","durationSeconds":60,"questions":[{"type":"SHORT_ANSWER",
                 "text":"Secret?","points":1,"options":[{"text":"yes"}]}]}""");
        long exam = rest.create("/api/courses/" + course + "/exams", staff, """
                {"title":"Secret exam","visibleDate":"2030-07-01T08:00:00Z","startDate":"2030-07-01T09:00:00Z",
                 "endDate":"2030-07-01T11:00:00Z"}""");
        String[] pages = {"/courses/" + course + "/manage", "/exams/" + exam + "/prepare",
            "/exercises/" + exercise + "/assessment", "/quizzes/" + quiz + "/control", "/exams/" + exam + "/monitor"};

        WebDriver browser = loggedIn(student);
        for (String page : pages) {
            browser.get(base() + page);
            await(browser, "error-status", "403");
            assertThat(browser.getPageSource()).doesNotContain("Secret");
        }
        screenshot(browser, "staff-forbidden");

        LecternClient http = new LecternClient(base());
        String studentToken = token(student.login(), TestData.PASSWORD);
        for (String page : pages) {
            HttpResponse<String> response = http.get(page, studentToken);
            assertThat(response.statusCode()).as(page).isEqualTo(403);
            assertThat(response.body()).doesNotContain("Secret").doesNotContain("data-exam-id");
        }
        String tutorToken = token(tutor.login(), TestData.PASSWORD);
        assertThat(http.get("/courses/" + course + "/manage", tutorToken).statusCode()).isEqualTo(403);
        assertThat(http.get("/exams/" + exam + "/prepare", tutorToken).statusCode()).isEqualTo(403);
        assertThat(http.get("/exercises/" + exercise + "/assessment", tutorToken).statusCode()).isEqualTo(200);
        assertThat(http.get("/exercises/" + quiz + "/assessment", tutorToken).statusCode()).isEqualTo(404);
        assertThat(http.get("/exercises/999999/assessment", tutorToken).statusCode()).isEqualTo(404);
    }

    @Test
    void shouldEndTheQuizEarlyWhenTheInstructorPressesEndNow() {
        long course = data.newCourse();
        UserSummary instructor = data.newMember(course, CourseRole.INSTRUCTOR);
        long quiz = new RestCalls(base()).create("/api/courses/" + course + "/quizzes",
                token(instructor.login(), TestData.PASSWORD), """
                {"title":"Long quiz","durationSeconds":600,"questions":[{"type":"SHORT_ANSWER",
                 "text":"Capital of France?","points":1,"options":[{"text":"Paris"}]}]}""");

        WebDriver browser = loggedIn(instructor);
        browser.get(base() + "/quizzes/" + quiz + "/control");
        await(browser, "quiz-state", "Not started");
        assertThat(browser.findElement(By.id("end-quiz")).isEnabled()).isFalse();
        click(browser, "start-quiz");
        await(browser, "quiz-state", "Running until");
        click(browser, "end-quiz");
        await(browser, "control-status", "The quiz was ended");
        waitFor(browser).until(attributeToBe(By.id("end-quiz"), "disabled", "true"));
        waitFor(browser).until(textToBePresentInElementLocated(By.id("quiz-state"), "Evaluated"));
        screenshot(browser, "staff-quiz-ended");
    }
}
