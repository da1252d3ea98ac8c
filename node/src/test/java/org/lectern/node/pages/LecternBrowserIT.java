package org.lectern.node.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.attributeToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.invisibilityOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementValue;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlContains;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;
import static org.lectern.node.support.Browsers.screenshot;
import static org.lectern.node.support.Browsers.waitFor;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.lectern.node.course.CourseRole;
import org.lectern.node.support.TcpProxy;
import org.lectern.node.support.TestData;
import org.lectern.node.user.UserSummary;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/** The browser client in Debian's headless Chromium against a real node: the flows of issue 5. */
class LecternBrowserIT extends BrowserPagesSupport {

    private static void logIn(WebDriver browser, String baseUrl, UserSummary user) {
        logIn(browser, baseUrl, user.login(), TestData.PASSWORD);
    }

    private static void connected(WebDriver browser) {
        waitFor(browser).until(attributeToBe(By.tagName("body"), "data-connection", "online"));
    }

    @Test
    void shouldTurnTheWaitingRoomIntoTheQuizAndShowTheResultWhenTheInstructorStartsIt() {
        long course = data.newCourse();
        UserSummary instructor = data.newMember(course, CourseRole.INSTRUCTOR);
        UserSummary student = data.newMember(course, CourseRole.STUDENT);
        long quiz = new RestCalls(base()).create("/api/courses/" + course + "/quizzes", token(instructor), """
                {"title":"Fruit quiz","durationSeconds":10,"questions":[{"type":"SINGLE_CHOICE",
                 "text":"Which fruit is yellow?","points":2,"options":[{"text":"Banana","correct":true},{"text":"Cherry"}]}]}""");

        WebDriver studentBrowser = browsers.open();
        logIn(studentBrowser, base(), student);
        screenshot(studentBrowser, "courses");
        studentBrowser.get(base() + "/courses/" + course);
        waitFor(studentBrowser).until(textToBePresentInElementLocated(By.id("exercise-rows"), "Fruit quiz"));
        screenshot(studentBrowser, "course");
        studentBrowser.get(base() + "/quizzes/" + quiz);
        waitFor(studentBrowser).until(visibilityOfElementLocated(By.id("quiz-waiting")));
        connected(studentBrowser);
        ((JavascriptExecutor) studentBrowser).executeScript("window.notReloaded = true;");
        screenshot(studentBrowser, "quiz-waiting");

        WebDriver instructorBrowser = browsers.open();
        logIn(instructorBrowser, base(), instructor);
        instructorBrowser.get(base() + "/quizzes/" + quiz + "/control");
        waitFor(instructorBrowser).until(textToBePresentInElementLocated(By.id("quiz-state"), "Not started"));
        connected(instructorBrowser);
        instructorBrowser.findElement(By.id("start-quiz")).click();

        waitFor(studentBrowser).until(visibilityOfElementLocated(By.id("quiz-form")));
        assertThat(((JavascriptExecutor) studentBrowser).executeScript("return window.notReloaded === true"))
                .as("the quiz appeared without a reload").isEqualTo(true);
        studentBrowser.findElement(By.xpath("//label[text()='Banana']")).click();
        waitFor(studentBrowser).until(textToBePresentInElementLocated(By.id("save-status"), "Saved at"));
        screenshot(studentBrowser, "quiz-running");
        waitFor(instructorBrowser).until(textToBePresentInElementLocated(By.id("participants"), "1 participants, 1 answered"));
        screenshot(instructorBrowser, "quiz-control");

        waitFor(studentBrowser).withTimeout(Duration.ofSeconds(45))
                .until(textToBePresentInElementLocated(By.id("quiz-result"), "Your result: 2"));
        assertThat(studentBrowser.findElement(By.id("quiz-result")).getText()).contains("of 2");
        screenshot(studentBrowser, "quiz-result");
    }

    @Test
    void shouldKeepTypedWorkThroughANetworkCutAndHandInWhenTheConnectionReturns() {
        long course = data.newCourse();
        UserSummary instructor = data.newMember(course, CourseRole.INSTRUCTOR);
        UserSummary student = data.newMember(course, CourseRole.STUDENT);
        String staff = token(instructor);
        RestCalls rest = new RestCalls(base());
        long exam = exam(rest, course, staff, student);

        try (TcpProxy network = new TcpProxy(port)) {
            String viaNetwork = "http://127.0.0.1:" + network.port();
            WebDriver browser = browsers.open();
            logIn(browser, viaNetwork, student);
            browser.get(viaNetwork + "/exams/" + exam);
            waitFor(browser).until(textToBePresentInElementLocated(By.id("exam-working-time"), "Working time: 120 minutes"));
            screenshot(browser, "exam-start");
            browser.findElement(By.id("start-exam")).click();
            waitFor(browser).until(visibilityOfElementLocated(By.id("answer")));
            connected(browser);
            browser.findElement(By.id("answer")).sendKeys("Observers subscribe;");

            network.cut();
            waitFor(browser).until(visibilityOfElementLocated(By.id("connection-banner")));
            browser.findElement(By.id("answer")).sendKeys(" the subject notifies them.");
            browser.findElement(By.id("next")).click();
            waitFor(browser).until(textToBePresentInElementLocated(By.id("save-status"), "Not saved — retrying"));
            screenshot(browser, "exam-connection-lost");

            network.restore();
            waitFor(browser).until(invisibilityOfElementLocated(By.id("connection-banner")));
            waitFor(browser).until(textToBePresentInElementLocated(By.id("save-status"), "Saved at"));
            assertThat(rest.call("GET", "/api/exams/" + exam + "/student-exam", token(student), null)
                    .get("exercises").get(0).get("latestSave").get("content").asString())
                    .isEqualTo("Observers subscribe; the subject notifies them.");

            browser.navigate().refresh();
            waitFor(browser).until(textToBePresentInElementValue(By.id("answer"),
                    "Observers subscribe; the subject notifies them."));
            connected(browser);

            WebDriver monitor = browsers.open();
            logIn(monitor, base(), instructor);
            monitor.get(base() + "/exams/" + exam + "/monitor");
            waitFor(monitor).until(textToBePresentInElementLocated(By.id("figure-started"), "1"));
            connected(monitor);
            monitor.findElement(By.id("announcement")).sendKeys("Task 2: assume n > 0.");
            monitor.findElement(By.id("send-announcement")).click();
            waitFor(browser).until(textToBePresentInElementLocated(By.id("announcements"), "Task 2: assume n > 0."));
            screenshot(browser, "exam");

            browser.findElement(By.id("hand-in")).click();
            browser.findElement(By.id("hand-in-confirm")).click();
            waitFor(browser).until(textToBePresentInElementLocated(By.id("exam-done"), "Handed in at"));
            waitFor(monitor).until(textToBePresentInElementLocated(By.id("figure-submitted"), "1"));
            screenshot(monitor, "exam-monitor");
        }
        assertThat(rest.call("GET", "/api/exams/" + exam + "/student-exam", token(student), null)
                .get("submitted").asBoolean()).isTrue();
    }

    private static long exam(RestCalls rest, long course, String staff, UserSummary student) {
        Instant now = Instant.now();
        long exam = rest.create("/api/courses/" + course + "/exams", staff, """
                {"title":"Final exam","visibleDate":"%s","startDate":"%s","endDate":"%s","workingTimeSeconds":7200}"""
                .formatted(now.minusSeconds(60), now.minusSeconds(60), now.plusSeconds(7200)));
        for (String group : new String[] {"Observer", "Agile"}) {
            long id = rest.create("/api/exams/" + exam + "/exercise-groups", staff, "{\"title\":\"" + group + "\"}");
            rest.create("/api/exercise-groups/" + id + "/exercises", staff,
                    "{\"type\":\"TEXT\",\"title\":\"" + group + "\",\"problemStatement\":\"Explain.\",\"maxPoints\":10}");
        }
        rest.call("POST", "/api/exams/" + exam + "/registrations", staff, "{\"logins\":[\"" + student.login() + "\"]}");
        rest.call("POST", "/api/exams/" + exam + "/student-exams/generate", staff, null);
        return exam;
    }

    @Test
    void shouldShowATeammatesEditsAndPresenceLiveWhenTwoMembersWorkTogether() {
        long course = data.newCourse();
        UserSummary instructor = data.newMember(course, CourseRole.INSTRUCTOR);
        UserSummary alice = data.newMember(course, CourseRole.STUDENT);
        UserSummary bob = data.newMember(course, CourseRole.STUDENT);
        String staff = token(instructor);
        RestCalls rest = new RestCalls(base());
        long exercise = rest.create("/api/courses/" + course + "/exercises", staff,
                "{\"type\":\"TEXT\",\"mode\":\"TEAM\",\"title\":\"Team essay\",\"maxPoints\":10}");
        rest.create("/api/exercises/" + exercise + "/teams", staff,
                "{\"name\":\"Red\",\"memberLogins\":[\"" + alice.login() + "\",\"" + bob.login() + "\"]}");

        WebDriver aliceBrowser = browsers.open();
        logIn(aliceBrowser, base(), alice);
        aliceBrowser.get(base() + "/exercises/" + exercise);
        connected(aliceBrowser);
        WebDriver bobBrowser = browsers.open();
        logIn(bobBrowser, base(), bob);
        bobBrowser.get(base() + "/exercises/" + exercise);
        connected(bobBrowser);

        By bobOnline = By.cssSelector("#team-members li[data-login='" + bob.login() + "'][data-online='true']");
        waitFor(aliceBrowser).until(visibilityOfElementLocated(bobOnline));
        By aliceOnline = By.cssSelector("#team-members li[data-login='" + alice.login() + "'][data-online='true']");
        waitFor(bobBrowser).until(visibilityOfElementLocated(aliceOnline));

        aliceBrowser.findElement(By.id("answer")).sendKeys("Alice's first paragraph.");
        waitFor(bobBrowser).until(textToBePresentInElementValue(By.id("answer"), "Alice's first paragraph."));
        bobBrowser.findElement(By.id("answer")).sendKeys(" Bob's addition.");
        waitFor(aliceBrowser).until(textToBePresentInElementValue(By.id("answer"),
                "Alice's first paragraph. Bob's addition."));
        screenshot(aliceBrowser, "team-exercise");
    }

    @Test
    void shouldRefuseOtherStudentsExamsAndStaffPagesWhenAStudentOpensThem() {
        long course = data.newCourse();
        UserSummary instructor = data.newMember(course, CourseRole.INSTRUCTOR);
        UserSummary registered = data.newMember(course, CourseRole.STUDENT);
        UserSummary other = data.newMember(course, CourseRole.STUDENT);
        String staff = token(instructor);
        long exam = exam(new RestCalls(base()), course, staff, registered);
        long quiz = new RestCalls(base()).create("/api/courses/" + course + "/quizzes", staff, """
                {"title":"Secret quiz","durationSeconds":60,"questions":[{"type":"SHORT_ANSWER",
                 "text":"Secret?","points":1,"options":[{"text":"yes"}]}]}""");

        WebDriver anonymous = browsers.open();
        anonymous.get(base() + "/exams/" + exam);
        waitFor(anonymous).until(urlContains("/login?next="));
        screenshot(anonymous, "login");

        WebDriver browser = browsers.open();
        logIn(browser, base(), other);
        for (String page : new String[] {"/exams/" + exam, "/exams/" + exam + "/monitor",
                "/quizzes/" + quiz + "/control"}) {
            browser.get(base() + page);
            waitFor(browser).until(textToBePresentInElementLocated(By.id("error-status"), "403"));
            assertThat(browser.getPageSource()).doesNotContain("Final exam").doesNotContain("Observer")
                    .doesNotContain("Secret");
        }
        long foreignCourse = data.newCourse();
        browser.get(base() + "/courses/" + foreignCourse);
        waitFor(browser).until(textToBePresentInElementLocated(By.id("error-status"), "403"));
    }
}
