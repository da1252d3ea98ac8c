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

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.lectern.node.course.CourseRole;
import org.lectern.node.support.Axe;
import org.lectern.node.support.LecternClient;
import org.lectern.node.support.TestData;
import org.lectern.node.user.UserSummary;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
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

    /** Clicks the element, again if a list re-rendered in between (a click on a stale element did not happen). */
    private static void click(WebDriver browser, String id) {
        waitFor(browser).ignoring(StaleElementReferenceException.class).until(driver -> {
            WebElement element = elementToBeClickable(By.id(id)).apply(driver);
            if (element == null) {
                return false;
            }
            element.click();
            return true;
        });
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

        UserSummary leaving = data.newMember(course, CourseRole.STUDENT);
        type(browser, "register-logins", leaving.login());
        click(browser, "register");
        await(browser, "registration-rows", leaving.login());
        confirmDeletion(browser, "unregister-" + leaving.login());
        await(browser, "register-status", leaving.login() + " is no longer registered.");
        waitFor(browser).until(page -> !page.findElement(By.id("registration-rows")).getText()
                .contains(leaving.login()));

        WebDriver studentBrowser = loggedIn(login, "first-password");
        studentBrowser.get(base() + "/exams/" + exam);
        await(studentBrowser, "exam-working-time", "Working time: 120 minutes");
        click(studentBrowser, "start-exam");
        await(studentBrowser, "exercise-title", "Explain observers");
        await(studentBrowser, "exercise-statement", "Who notifies whom?");

        // Started: the node keeps the registration and the page says why.
        confirmDeletion(browser, "unregister-" + login);
        await(browser, "register-status", "has started exam " + exam);
        await(browser, "registration-rows", login);
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

    /** An exam visible for ten minutes and started five minutes ago, ending in an hour. */
    private static long runningExam(RestCalls rest, String staff, long course, String title) {
        Instant now = Instant.now();
        return rest.create("/api/courses/" + course + "/exams", staff, """
                {"title":"%s","visibleDate":"%s","startDate":"%s","endDate":"%s"}""".formatted(title,
                now.minusSeconds(600), now.minusSeconds(300), now.plusSeconds(3600)));
    }

    private static void confirmDeletion(WebDriver browser, String buttonId) {
        click(browser, buttonId);
        click(browser, "confirm-yes");
    }

    @Test
    void shouldChangeAndDeleteWhatTheInstructorCreatedAndShowTheNodesReasonOnceAQuizHasStarted() {
        long course = data.newCourse();
        UserSummary instructor = data.newMember(course, CourseRole.INSTRUCTOR);
        UserSummary student = data.newMember(course, CourseRole.STUDENT);
        String staff = token(instructor);
        RestCalls rest = new RestCalls(base());
        String quizBody = """
                {"title":"%s","durationSeconds":600,"questions":[{"type":"SINGLE_CHOICE","text":"Yelow?",
                 "points":2,"options":[{"text":"Banana","correct":true},{"text":"Cherry"}]}]}""";
        long draftQuiz = rest.create("/api/courses/" + course + "/quizzes", staff, quizBody.formatted("Fruit quiz"));
        long runningQuiz = rest.create("/api/courses/" + course + "/quizzes", staff, quizBody.formatted("Live quiz"));
        rest.call("POST", "/api/quizzes/" + runningQuiz + "/start", staff, null);
        long essay = rest.create("/api/courses/" + course + "/exercises", staff,
                "{\"type\":\"TEXT\",\"mode\":\"INDIVIDUAL\",\"title\":\"Esay\",\"maxPoints\":10}");
        rest.call("PUT", "/api/exercises/" + essay + "/submission", token(student), "{\"text\":\"My essay.\"}");
        long sketch = rest.create("/api/courses/" + course + "/exercises", staff,
                "{\"type\":\"MODELING\",\"mode\":\"INDIVIDUAL\",\"title\":\"Sketch\",\"maxPoints\":5}");

        WebDriver browser = loggedIn(instructor);
        browser.get(base() + "/courses/" + course + "/manage");
        click(browser, "edit-quiz-" + draftQuiz);
        waitFor(browser).until(attributeToBe(By.id("quiz-title"), "value", "Fruit quiz"));
        assertThat(browser.findElement(By.id("q1-o1-correct")).isSelected()).isTrue();
        type(browser, "q1-text", "Yellow?");
        type(browser, "q1-o2-text", "Cherry");
        screenshot(browser.findElement(By.id("quiz-form")), "staff-edit-quiz");
        click(browser, "create-quiz");
        await(browser, "quiz-status", "Quiz \"Fruit quiz\" saved.");
        assertThat(rest.call("GET", "/api/quizzes/" + draftQuiz, staff, null).get("questions").get(0).get("text")
                .asString()).isEqualTo("Yellow?");

        click(browser, "edit-quiz-" + runningQuiz);
        waitFor(browser).until(attributeToBe(By.id("quiz-title"), "value", "Live quiz"));
        type(browser, "quiz-title", "Live quiz, renamed");
        click(browser, "create-quiz");
        await(browser, "quiz-status", "Not done: Quiz " + runningQuiz + " has started; it can no longer be changed.");
        click(browser, "cancel-quiz");
        confirmDeletion(browser, "delete-quiz-" + runningQuiz);
        await(browser, "items-status", "has started; it can no longer be deleted");

        click(browser, "edit-exercise-" + essay);
        waitFor(browser).until(attributeToBe(By.id("exercise-title"), "value", "Esay"));
        assertThat(browser.findElement(By.id("exercise-type")).isEnabled()).isFalse();
        type(browser, "exercise-title", "Essay");
        type(browser, "exercise-points", "12");
        click(browser, "create-exercise");
        await(browser, "exercise-status", "Exercise \"Essay\" saved.");
        JsonNode submissions = rest.call("GET", "/api/exercises/" + essay + "/submissions", staff, null).get("content");
        assertThat(rest.call("GET", "/api/submissions/" + submissions.get(0).get("submissionId").asLong(), staff, null)
                .get("text").asString()).isEqualTo("My essay.");
        assertThat(rest.call("GET", "/api/exercises/" + essay, staff, null).get("maxPoints").decimalValue())
                .isEqualByComparingTo("12");
        confirmDeletion(browser, "delete-exercise-" + essay);
        await(browser, "items-status", "has submissions and cannot be deleted");

        click(browser, "delete-exercise-" + sketch);
        screenshot(browser, "staff-delete-confirm");
        click(browser, "confirm-no");
        assertThat(browser.findElements(By.id("confirm-dialog"))).isEmpty();
        confirmDeletion(browser, "delete-exercise-" + sketch);
        await(browser, "items-status", "\"Sketch\" deleted.");
        confirmDeletion(browser, "delete-quiz-" + draftQuiz);
        await(browser, "items-status", "\"Fruit quiz\" deleted.");
        waitFor(browser).until(driver -> driver.findElements(By.id("edit-quiz-" + draftQuiz)).isEmpty());
        assertThat(browser.findElements(By.id("edit-exercise-" + sketch))).isEmpty();
        assertThat(browser.findElement(By.id("item-rows")).getText()).contains("Essay", "Live quiz");
    }

    /** The id of the exercise's team with this name, as the node has it. */
    private static long teamId(RestCalls rest, String token, long exercise, String name) {
        return rest.call("GET", "/api/exercises/" + exercise + "/teams", token, null).get("content").valueStream()
                .filter(team -> team.get("name").asString().equals(name))
                .findFirst().orElseThrow().get("id").asLong();
    }

    @Test
    void shouldCreateChangeAndDeleteTeamsAndShowTheNodesReasonOnceATeamHasSavedWork() {
        String axe = Axe.require();
        long course = data.newCourse();
        UserSummary instructor = data.newMember(course, CourseRole.INSTRUCTOR);
        UserSummary alice = data.newMember(course, CourseRole.STUDENT);
        UserSummary bob = data.newMember(course, CourseRole.STUDENT);
        UserSummary carol = data.newMember(course, CourseRole.STUDENT);
        String staff = token(instructor);
        RestCalls rest = new RestCalls(base());
        long exercise = rest.create("/api/courses/" + course + "/exercises", staff,
                "{\"type\":\"TEXT\",\"mode\":\"TEAM\",\"title\":\"Team essay\",\"maxPoints\":10}");
        long alone = rest.create("/api/courses/" + course + "/exercises", staff,
                "{\"type\":\"TEXT\",\"mode\":\"INDIVIDUAL\",\"title\":\"Own essay\",\"maxPoints\":10}");
        String teams = "teams-" + exercise;

        WebDriver browser = loggedIn(instructor);
        browser.get(base() + "/courses/" + course + "/manage");
        await(browser, teams + "-heading", "Teams of Team essay");
        await(browser, teams + "-none", "No teams yet.");
        assertThat(browser.findElements(By.id("teams-" + alone))).isEmpty();
        type(browser, teams + "-name", "Red");
        type(browser, teams + "-members", alice.login() + ", " + bob.login());
        click(browser, teams + "-save");
        await(browser, teams + "-status", "Team \"Red\" created.");
        await(browser, teams + "-rows", alice.login());
        assertThat(browser.findElement(By.id(teams + "-none")).isDisplayed()).isFalse();

        type(browser, teams + "-name", "Blue");
        type(browser, teams + "-members", alice.login() + " " + instructor.login());
        click(browser, teams + "-save");
        await(browser, teams + "-status", "Not done: Not students of course " + course + ": " + instructor.login());
        type(browser, teams + "-members", alice.login() + " " + carol.login());
        click(browser, teams + "-save");
        await(browser, teams + "-status", "Not done: Already in another team of exercise " + exercise + ": "
                + alice.login());
        type(browser, teams + "-members", carol.login());
        click(browser, teams + "-save");
        await(browser, teams + "-status", "Team \"Blue\" created.");
        long red = teamId(rest, staff, exercise, "Red");
        long blue = teamId(rest, staff, exercise, "Blue");

        click(browser, "edit-team-" + red);
        waitFor(browser).until(attributeToBe(By.id(teams + "-name"), "value", "Red"));
        assertThat(browser.findElement(By.id(teams + "-members")).getAttribute("value"))
                .contains(alice.login(), bob.login());
        assertAccessible(browser, axe, "the teams of a team exercise");
        type(browser, teams + "-name", "Crimson");
        type(browser, teams + "-members", alice.login());
        screenshot(browser.findElement(By.id(teams)), "staff-edit-team");
        click(browser, teams + "-save");
        await(browser, teams + "-status", "Team \"Crimson\" saved.");
        await(browser, teams + "-rows", "Crimson");
        JsonNode members = rest.call("GET", "/api/exercises/" + exercise + "/teams/mine", token(alice), null)
                .get("members");
        assertThat(members.valueStream().map(member -> member.get("login").asString())).containsExactly(alice.login());

        rest.call("PUT", "/api/exercises/" + exercise + "/submission", token(alice), "{\"text\":\"Our draft.\"}");
        click(browser, "edit-team-" + red);
        waitFor(browser).until(attributeToBe(By.id(teams + "-name"), "value", "Crimson"));
        type(browser, teams + "-members", alice.login() + ", " + bob.login());
        click(browser, teams + "-save");
        await(browser, teams + "-status", "Not done: Team 'Crimson' has saved work; its members can no longer change");
        click(browser, teams + "-cancel");
        confirmDeletion(browser, "delete-team-" + red);
        await(browser, teams + "-status", "Not done: Team 'Crimson' has saved work and cannot be deleted");
        assertThat(rest.call("GET", "/api/exercises/" + exercise + "/participation", token(alice), null)
                .get("latestSubmission").get("text").asString()).isEqualTo("Our draft.");

        confirmDeletion(browser, "delete-team-" + blue);
        await(browser, teams + "-status", "\"Blue\" deleted.");
        waitFor(browser).until(driver -> driver.findElements(By.id("edit-team-" + blue)).isEmpty());
        assertThat(browser.findElement(By.id(teams + "-rows")).getText()).contains("Crimson").doesNotContain("Blue");
        screenshot(browser, "staff-teams");
    }

    @Test
    void shouldShowTheStudentACorrectedAnnouncementAndDropARetractedOneLiveWhenTheInstructorChangesThemOnTheMonitor() {
        String axe = Axe.require();
        long course = data.newCourse();
        UserSummary instructor = data.newMember(course, CourseRole.INSTRUCTOR);
        UserSummary student = data.newMember(course, CourseRole.STUDENT);
        String staff = token(instructor);
        RestCalls rest = new RestCalls(base());
        long exam = runningExam(rest, staff, course, "Announced exam");
        long group = rest.create("/api/exams/" + exam + "/exercise-groups", staff, "{\"title\":\"Task\"}");
        rest.create("/api/exercise-groups/" + group + "/exercises", staff,
                "{\"type\":\"TEXT\",\"title\":\"Explain\",\"problemStatement\":\"Why?\",\"maxPoints\":10}");
        rest.call("POST", "/api/exams/" + exam + "/registrations", staff,
                "{\"logins\":[\"" + student.login() + "\"]}");
        rest.call("POST", "/api/exams/" + exam + "/student-exams/generate", staff, null);
        long typo = rest.create("/api/exams/" + exam + "/announcements", staff, "{\"text\":\"Task 1: asume n > 0.\"}");
        long wrong = rest.create("/api/exams/" + exam + "/announcements", staff,
                "{\"text\":\"Task 2 is cancelled.\"}");

        WebDriver studentBrowser = loggedIn(student);
        studentBrowser.get(base() + "/exams/" + exam);
        await(studentBrowser, "announcement-" + typo, "Task 1: asume n > 0.");
        await(studentBrowser, "announcement-" + wrong, "Task 2 is cancelled.");
        waitFor(studentBrowser).until(attributeToBe(By.tagName("body"), "data-connection", "online"));

        WebDriver browser = loggedIn(instructor);
        browser.get(base() + "/exams/" + exam + "/monitor");
        await(browser, "sent-announcement-" + typo, "Task 1: asume n > 0.");
        await(browser, "sent-announcement-" + wrong, "Task 2 is cancelled.");
        assertThat(browser.findElement(By.id("no-announcements")).isDisplayed()).isFalse();
        click(browser, "edit-announcement-" + typo);
        waitFor(browser).until(attributeToBe(By.id("announcement"), "value", "Task 1: asume n > 0."));
        assertAccessible(browser, axe, "the exam monitor with its announcements");
        type(browser, "announcement", "Task 1: assume n > 0.");
        click(browser, "send-announcement");
        await(browser, "announce-status", "Announcement corrected");
        await(browser, "sent-announcement-" + typo, "Task 1: assume n > 0.");
        await(browser, "sent-announcement-" + typo, "(corrected at");

        await(studentBrowser, "announcement-" + typo, "Task 1: assume n > 0.");
        await(studentBrowser, "announcement-" + typo, "(corrected at");
        assertThat(studentBrowser.findElement(By.id("announcements")).getText()).doesNotContain("asume");

        confirmDeletion(browser, "delete-announcement-" + wrong);
        await(browser, "announce-status", "\"Task 2 is cancelled.\" retracted.");
        waitFor(browser).until(driver -> driver.findElements(By.id("sent-announcement-" + wrong)).isEmpty());
        screenshot(browser, "staff-exam-monitor-announcements");

        waitFor(studentBrowser).until(driver -> driver.findElements(By.id("announcement-" + wrong)).isEmpty());
        assertThat(studentBrowser.findElement(By.id("announcements")).getText()).contains("Task 1: assume n > 0.");
        assertAccessible(studentBrowser, axe, "the exam with a corrected announcement");
        screenshot(studentBrowser, "exam-announcement-corrected");

        studentBrowser.navigate().refresh();
        await(studentBrowser, "announcement-" + typo, "Task 1: assume n > 0.");
        assertThat(studentBrowser.findElements(By.id("announcement-" + wrong))).isEmpty();
    }

    @Test
    void shouldChangeAndDeleteExamsGroupsAndExercisesUntilTheExamStarts() {
        long course = data.newCourse();
        UserSummary instructor = data.newMember(course, CourseRole.INSTRUCTOR);
        String staff = token(instructor);
        RestCalls rest = new RestCalls(base());
        long exam = rest.create("/api/courses/" + course + "/exams", staff, """
                {"title":"Finl exam","visibleDate":"2030-07-01T08:00:00Z","startDate":"2030-07-01T09:00:00Z",
                 "endDate":"2030-07-01T11:00:00Z"}""");
        long group = rest.create("/api/exams/" + exam + "/exercise-groups", staff, "{\"title\":\"Obsrver\"}");
        String exerciseBody = "{\"type\":\"TEXT\",\"title\":\"%s\",\"problemStatement\":\"Why?\",\"maxPoints\":10}";
        long exercise = rest.create("/api/exercise-groups/" + group + "/exercises", staff,
                exerciseBody.formatted("Explian"));
        long variant = rest.create("/api/exercise-groups/" + group + "/exercises", staff,
                exerciseBody.formatted("Variant"));
        long spare = rest.create("/api/courses/" + course + "/exams", staff, """
                {"title":"Spare exam","visibleDate":"2030-08-01T08:00:00Z","startDate":"2030-08-01T09:00:00Z",
                 "endDate":"2030-08-01T11:00:00Z"}""");
        long running = rest.create("/api/courses/" + course + "/exams", staff, """
                {"title":"Running exam","visibleDate":"%s","startDate":"%s","endDate":"%s"}""".formatted(
                Instant.now().minusSeconds(7200), Instant.now().minusSeconds(3600),
                Instant.now().plusSeconds(3600)));
        rest.create("/api/exams/" + running + "/exercise-groups", staff, "{\"title\":\"Running task\"}");

        WebDriver browser = loggedIn(instructor);
        browser.get(base() + "/courses/" + course + "/manage");
        click(browser, "edit-exam-" + exam);
        waitFor(browser).until(attributeToBe(By.id("exam-title"), "value", "Finl exam"));
        type(browser, "exam-title", "Final exam");
        click(browser, "create-exam");
        await(browser, "exam-status", "Exam \"Final exam\" saved.");
        await(browser, "exam-rows", "Final exam");
        confirmDeletion(browser, "delete-exam-" + spare);
        await(browser, "items-status", "\"Spare exam\" deleted.");

        browser.get(base() + "/exams/" + exam + "/prepare");
        click(browser, "group-1-edit");
        waitFor(browser).until(attributeToBe(By.id("group-title"), "value", "Obsrver"));
        type(browser, "group-title", "Observer");
        click(browser, "add-group");
        await(browser, "group-status", "Group \"Observer\" saved.");
        await(browser, "groups", "1. Observer");
        click(browser, "exercise-" + exercise + "-edit");
        waitFor(browser).until(attributeToBe(By.id("group-1-exercise-title"), "value", "Explian"));
        type(browser, "group-1-exercise-title", "Explain observers");
        click(browser, "group-1-add-exercise");
        await(browser, "group-1-status", "Exercise \"Explain observers\" saved.");
        await(browser, "groups", "Explain observers");
        confirmDeletion(browser, "exercise-" + variant + "-delete");
        await(browser, "groups-status", "\"Variant\" deleted.");
        assertThat(browser.findElements(By.id("exercise-" + variant + "-edit"))).isEmpty();
        screenshot(browser, "staff-exam-edit");
        JsonNode groups = rest.call("GET", "/api/exams/" + exam + "/exercise-groups", staff, null);
        assertThat(groups.get(0).get("title").asString()).isEqualTo("Observer");
        assertThat(groups.get(0).get("exercises")).hasSize(1);
        assertThat(groups.get(0).get("exercises").get(0).get("title").asString()).isEqualTo("Explain observers");
        confirmDeletion(browser, "group-1-delete");
        await(browser, "groups-status", "\"Observer\" deleted.");
        waitFor(browser).until(driver -> driver.findElements(By.id("group-1-edit")).isEmpty());

        browser.get(base() + "/exams/" + running + "/prepare");
        click(browser, "group-1-edit");
        waitFor(browser).until(attributeToBe(By.id("group-title"), "value", "Running task"));
        type(browser, "group-title", "Renamed");
        click(browser, "add-group");
        await(browser, "group-status", "has started; its exercise groups and exercises can no longer be changed.");
        assertThat(rest.call("GET", "/api/exams/" + running + "/exercise-groups", staff, null).get(0).get("title")
                .asString()).isEqualTo("Running task");
    }

    /** The tutor opens the student's latest submission on the assessment page. */
    private void openSubmission(WebDriver tutorBrowser, long exercise, UserSummary student) {
        tutorBrowser.get(base() + "/exercises/" + exercise + "/assessment");
        By open = By.cssSelector("tr[data-student='" + student.login() + "'] button");
        waitFor(tutorBrowser).until(elementToBeClickable(open)).click();
    }

    /** The student's course page shows the score and, opened, the feedback of the exercise. */
    private void awaitResultOnTheCoursePage(UserSummary student, long course, long exercise, String score,
            String feedback) {
        WebDriver studentBrowser = loggedIn(student);
        studentBrowser.get(base() + "/courses/" + course);
        String row = "tr[data-exercise-id='" + exercise + "'] ";
        waitFor(studentBrowser).until(textMatches(By.cssSelector(row + ".result"),
                Pattern.compile("^" + score + "(\\.00)? of \\d+(\\.00)? points$")));
        studentBrowser.findElement(By.cssSelector(row + "summary")).click();
        await(studentBrowser, "feedback-" + exercise, feedback);
        studentBrowser.get(base() + "/exercises/" + exercise);
        await(studentBrowser, "result-feedback", feedback);
    }

    @Test
    void shouldShowTheStudentTheFeedbackWhenATutorAssessesTheModelSubmittedInTheBrowser() {
        long course = data.newCourse();
        UserSummary instructor = data.newMember(course, CourseRole.INSTRUCTOR);
        UserSummary tutor = data.newMember(course, CourseRole.TUTOR);
        UserSummary student = data.newMember(course, CourseRole.STUDENT);
        long exercise = new RestCalls(base()).create("/api/courses/" + course + "/exercises", token(instructor),
                "{\"type\":\"MODELING\",\"mode\":\"INDIVIDUAL\",\"title\":\"Observer model\",\"maxPoints\":5}");

        WebDriver studentBrowser = loggedIn(student);
        studentBrowser.get(base() + "/exercises/" + exercise);
        waitFor(studentBrowser).until(attributeToBe(By.id("content"), "data-ready", "true"));
        type(studentBrowser, "answer", "Subject\nObserver\nSubject -> Observer");
        click(studentBrowser, "save");
        await(studentBrowser, "save-status", "Saved at");

        WebDriver browser = loggedIn(tutor);
        openSubmission(browser, exercise, student);
        await(browser, "model-classes", "Observer");
        await(browser, "model-associations", "Subject → Observer");
        assertThat(browser.findElement(By.id("submission-content")).isDisplayed()).isFalse();
        type(browser, "score", "4");
        type(browser, "fb1-reference", "Subject -> Observer");
        type(browser, "fb1-text", "Association right, multiplicities missing");
        type(browser, "fb1-credits", "4");
        click(browser, "save-assessment");
        await(browser, "assessment-status", "Saved: 4");
        screenshot(browser, "staff-assessment-modeling");

        awaitResultOnTheCoursePage(student, course, exercise, "4", "Association right, multiplicities missing");
    }

    @Test
    void shouldPreviewTheFilesAndShowTheStudentTheFeedbackWhenATutorAssessesAnUpload() throws IOException {
        long course = data.newCourse();
        UserSummary instructor = data.newMember(course, CourseRole.INSTRUCTOR);
        UserSummary tutor = data.newMember(course, CourseRole.TUTOR);
        UserSummary drawer = data.newMember(course, CourseRole.STUDENT);
        UserSummary writer = data.newMember(course, CourseRole.STUDENT);
        long exercise = new RestCalls(base()).create("/api/courses/" + course + "/exercises", token(instructor), """
                {"type":"FILE_UPLOAD","mode":"INDIVIDUAL","title":"Sheet 1","maxPoints":10,
                 "fileExtensions":"png,txt"}""");
        Path image = Files.createTempFile("diagram", ".png");
        Path notes = Files.createTempFile("notes", ".txt");
        try {
            BufferedImage pixels = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
            ImageIO.write(pixels, "png", image.toFile());
            Files.writeString(notes, "Observers register with the subject.");
            upload(loggedIn(drawer), exercise, image);
            upload(loggedIn(writer), exercise, notes);
        } finally {
            Files.deleteIfExists(image);
            Files.deleteIfExists(notes);
        }

        WebDriver browser = loggedIn(tutor);
        openSubmission(browser, exercise, drawer);
        WebElement preview = waitFor(browser).until(visibilityOfElementLocated(By.id("preview-image")));
        waitFor(browser).until(driver -> ((Number) ((JavascriptExecutor) driver)
                .executeScript("return arguments[0].naturalWidth", preview)).intValue() == 40);
        assertThat(browser.findElement(By.id("submission-file")).getAttribute("download")).endsWith(".png");
        screenshot(browser, "staff-assessment-file");

        openSubmission(browser, exercise, writer);
        await(browser, "preview-text", "Observers register with the subject.");
        assertThat(browser.findElement(By.id("submission-file")).getAttribute("href"))
                .matches(".*/api/submissions/\\d+/file");
        type(browser, "score", "8");
        type(browser, "fb1-text", "Correct");
        type(browser, "fb1-credits", "6");
        click(browser, "add-feedback");
        type(browser, "fb2-text", "Example missing");
        type(browser, "fb2-credits", "2");
        click(browser, "save-assessment");
        await(browser, "assessment-status", "Saved: 8");
        await(browser, "submission-rows", "Assessed: 8");

        openSubmission(browser, exercise, writer);
        waitFor(browser).until(attributeToBe(By.id("fb2-text"), "value", "Example missing"));
        assertThat(browser.findElement(By.id("score")).getAttribute("value")).startsWith("8");

        awaitResultOnTheCoursePage(writer, course, exercise, "8", "Example missing");
    }

    private void upload(WebDriver studentBrowser, long exercise, Path file) {
        studentBrowser.get(base() + "/exercises/" + exercise);
        waitFor(studentBrowser).until(attributeToBe(By.id("content"), "data-ready", "true"));
        studentBrowser.findElement(By.id("file")).sendKeys(file.toString());
        click(studentBrowser, "upload");
        await(studentBrowser, "save-status", "Saved at");
    }

    @Test
    void shouldLetTheStudentUploadAFileInTheExamWhenTheInstructorAddsAFileUploadExerciseToAGroup() throws IOException {
        long course = data.newCourse();
        UserSummary instructor = data.newMember(course, CourseRole.INSTRUCTOR);
        UserSummary tutor = data.newMember(course, CourseRole.TUTOR);
        UserSummary student = data.newMember(course, CourseRole.STUDENT);
        String staff = token(instructor);
        RestCalls rest = new RestCalls(base());
        long exam = runningExam(rest, staff, course, "Drawing exam");
        rest.call("POST", "/api/exams/" + exam + "/registrations", staff,
                "{\"logins\":[\"" + student.login() + "\"]}");

        WebDriver browser = loggedIn(instructor);
        browser.get(base() + "/exams/" + exam + "/prepare");
        type(browser, "group-title", "Sketch");
        click(browser, "add-group");
        new Select(waitFor(browser).until(visibilityOfElementLocated(By.id("group-1-type"))))
                .selectByValue("FILE_UPLOAD");
        type(browser, "group-1-extensions", "txt");
        type(browser, "group-1-exercise-title", "Draw the observer");
        click(browser, "group-1-add-exercise");
        await(browser, "groups", "Draw the observer");
        await(browser, "groups", "File upload");
        click(browser, "generate");
        await(browser, "generate-status", "1 student exams generated.");
        long exercise = rest.call("GET", "/api/exams/" + exam + "/exercise-groups", staff, null).get(0)
                .get("exercises").get(0).get("id").asLong();

        Path notes = Files.createTempFile("observer", ".txt");
        WebDriver studentBrowser = loggedIn(student);
        try {
            Files.writeString(notes, "Subject keeps a list of observers.");
            studentBrowser.get(base() + "/exams/" + exam);
            click(studentBrowser, "start-exam");
            await(studentBrowser, "exercise-title", "Draw the observer");
            await(studentBrowser, "exam-file-hint", "Accepted file types: txt");
            assertThat(studentBrowser.findElement(By.id("answer")).isDisplayed()).isFalse();
            studentBrowser.findElement(By.id("exam-file")).sendKeys(notes.toString());
            click(studentBrowser, "exam-upload");
            await(studentBrowser, "save-status", "Saved at");
            await(studentBrowser, "exam-file-current", "Uploaded: " + notes.getFileName());
            screenshot(studentBrowser, "exam-file-upload");
        } finally {
            Files.deleteIfExists(notes);
        }
        studentBrowser.navigate().refresh();
        await(studentBrowser, "exam-file-current", "Uploaded: " + notes.getFileName());

        WebDriver tutorBrowser = loggedIn(tutor);
        openSubmission(tutorBrowser, exercise, student);
        await(tutorBrowser, "preview-text", "Subject keeps a list of observers.");
        type(tutorBrowser, "score", "3");
        type(tutorBrowser, "fb1-text", "Right idea");
        type(tutorBrowser, "fb1-credits", "3");
        click(tutorBrowser, "save-assessment");
        await(tutorBrowser, "assessment-status", "Saved: 3");
    }

    private static void assertAccessible(WebDriver browser, String axe, String page) {
        assertThat(Axe.seriousViolations(browser, axe)).as("serious or critical axe-core violations on " + page)
                .isEmpty();
    }

    @Test
    void shouldHaveNoSeriousAccessibilityViolationsOnTheStudentExamAndQuizPagesAndTheStaffPages() {
        String axe = Axe.require();
        long course = data.newCourse();
        UserSummary instructor = data.newMember(course, CourseRole.INSTRUCTOR);
        UserSummary student = data.newMember(course, CourseRole.STUDENT);
        String staff = token(instructor);
        RestCalls rest = new RestCalls(base());
        long exam = runningExam(rest, staff, course, "Accessible exam");
        for (String type : new String[] {"TEXT", "MODELING"}) {
            long group = rest.create("/api/exams/" + exam + "/exercise-groups", staff, "{\"title\":\"" + type + "\"}");
            rest.create("/api/exercise-groups/" + group + "/exercises", staff,
                    "{\"type\":\"" + type + "\",\"title\":\"" + type + " task\",\"problemStatement\":\"Do it.\","
                            + "\"maxPoints\":10}");
        }
        rest.call("POST", "/api/exams/" + exam + "/registrations", staff,
                "{\"logins\":[\"" + student.login() + "\"]}");
        rest.call("POST", "/api/exams/" + exam + "/student-exams/generate", staff, null);
        String quiz = """
                {"title":"%s","durationSeconds":600,"questions":[
                 {"type":"SINGLE_CHOICE","text":"Yellow?","points":1,"options":[{"text":"Banana","correct":true},
                  {"text":"Cherry"}]},
                 {"type":"MULTIPLE_CHOICE","text":"Citrus?","points":1,"options":[{"text":"Lemon","correct":true},
                  {"text":"Apple"}]},
                 {"type":"SHORT_ANSWER","text":"Capital of France?","points":1,"options":[{"text":"Paris"}]}]}""";
        long waitingQuiz = rest.create("/api/courses/" + course + "/quizzes", staff, quiz.formatted("Later quiz"));
        long runningQuiz = rest.create("/api/courses/" + course + "/quizzes", staff, quiz.formatted("Live quiz"));
        rest.call("POST", "/api/quizzes/" + runningQuiz + "/start", staff, null);
        long essay = rest.create("/api/courses/" + course + "/exercises", staff,
                "{\"type\":\"TEXT\",\"mode\":\"INDIVIDUAL\",\"title\":\"Essay\",\"maxPoints\":10}");
        rest.call("PUT", "/api/exercises/" + essay + "/submission", token(student), "{\"text\":\"An essay.\"}");

        WebDriver studentBrowser = loggedIn(student);
        studentBrowser.get(base() + "/exams/" + exam);
        waitFor(studentBrowser).until(visibilityOfElementLocated(By.id("start-exam")));
        assertAccessible(studentBrowser, axe, "the exam's start");
        click(studentBrowser, "start-exam");
        await(studentBrowser, "exercise-title", "task");
        type(studentBrowser, "answer", "My answer");
        assertAccessible(studentBrowser, axe, "the exam");
        click(studentBrowser, "next");
        await(studentBrowser, "answer-hint", "->");
        assertAccessible(studentBrowser, axe, "the exam's modeling exercise");
        click(studentBrowser, "hand-in");
        waitFor(studentBrowser).until(visibilityOfElementLocated(By.id("hand-in-confirm")));
        assertAccessible(studentBrowser, axe, "the hand-in dialog");
        click(studentBrowser, "hand-in-cancel");

        studentBrowser.get(base() + "/quizzes/" + waitingQuiz);
        waitFor(studentBrowser).until(visibilityOfElementLocated(By.id("quiz-waiting")));
        assertAccessible(studentBrowser, axe, "the quiz's waiting room");
        studentBrowser.get(base() + "/quizzes/" + runningQuiz);
        waitFor(studentBrowser).until(visibilityOfElementLocated(By.cssSelector("#quiz-form input")));
        assertAccessible(studentBrowser, axe, "the running quiz");
        studentBrowser.get(base() + "/courses/" + course);
        await(studentBrowser, "exercise-rows", "Essay");
        assertAccessible(studentBrowser, axe, "the course");

        WebDriver browser = loggedIn(instructor);
        browser.get(base() + "/courses/" + course + "/manage");
        click(browser, "edit-quiz-" + waitingQuiz);
        waitFor(browser).until(attributeToBe(By.id("quiz-title"), "value", "Later quiz"));
        assertAccessible(browser, axe, "managing the course");
        click(browser, "delete-exercise-" + essay);
        waitFor(browser).until(visibilityOfElementLocated(By.id("confirm-no")));
        assertAccessible(browser, axe, "the delete dialog");
        click(browser, "confirm-no");
        browser.get(base() + "/exams/" + exam + "/prepare");
        await(browser, "groups", "MODELING task");
        await(browser, "registration-rows", student.login());
        assertAccessible(browser, axe, "preparing the exam");
        openSubmission(browser, essay, student);
        await(browser, "submission-content", "An essay.");
        assertAccessible(browser, axe, "the assessment");
        browser.get(base() + "/exams/" + exam + "/monitor");
        waitFor(browser).until(visibilityOfElementLocated(By.id("figure-registered")));
        assertAccessible(browser, axe, "the exam monitor");
        browser.get(base() + "/quizzes/" + runningQuiz + "/control");
        await(browser, "quiz-state", "Running until");
        assertAccessible(browser, axe, "the quiz control");
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
