package org.lectern.node.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.lectern.node.support.Browsers.screenshot;
import static org.lectern.node.support.Browsers.waitFor;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlContains;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lectern.node.course.CourseRole;
import org.lectern.node.support.TestData;
import org.lectern.node.user.UserSummary;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * The exam start's waiting room: while every login slot of the node is taken (two password checks at once, the
 * default), or the login waits unanswered in the balancer's queue, the login page keeps the student in the queue,
 * says so, shows no error, and logs them in once it is their turn.
 */
class LoginQueueBrowserIT extends BrowserPagesSupport {

    private static final String LOGIN = "/api/auth/login";
    /** {@code lectern.web.admission.max-concurrent-logins} of the test node: the default. */
    private static final int LOGIN_SLOTS = 2;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void shouldKeepAStudentInTheQueueWhileEveryLoginSlotIsTakenAndLetThemInWhenOneFrees() throws Exception {
        UserSummary student = data.newMember(data.newCourse(), CourseRole.STUDENT);
        WebDriver browser = browsers.open();
        browser.get(base() + "/login");
        browser.findElement(By.id("username")).sendKeys(student.login());
        browser.findElement(By.id("password")).sendKeys(TestData.PASSWORD);

        List<Socket> slowLogins = new ArrayList<>();
        try {
            // Logins whose bodies never finish arriving: each holds a login slot while the node waits for it.
            for (int i = 0; i < LOGIN_SLOTS; i++) {
                slowLogins.add(slowLogin());
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> probeLogin(student) == 503);

            browser.findElement(By.id("login-submit")).click();

            waitFor(browser).until(textToBePresentInElementLocated(By.id("login-status"), "You are in the queue"));
            screenshot(browser, "login-queued");
            assertThat(browser.findElement(By.id("login-error")).getText()).isEmpty();
            assertThat(browser.getCurrentUrl()).endsWith("/login");
        } finally {
            for (Socket socket : slowLogins) {
                socket.close();
            }
        }

        waitFor(browser).until(urlContains("/courses"));
    }

    @Test
    void shouldSayAStudentIsInTheQueueWhileTheirLoginWaitsForAnAnswer() {
        UserSummary student = data.newMember(data.newCourse(), CourseRole.STUDENT);
        WebDriver browser = browsers.open();
        browser.get(base() + "/login");
        browser.findElement(By.id("username")).sendKeys(student.login());
        browser.findElement(By.id("password")).sendKeys(TestData.PASSWORD);
        // The page's requests wait until the test lets them go, as HAProxy's login queue keeps a login unanswered
        // until a node has a free slot for it.
        ((JavascriptExecutor) browser).executeScript("""
                const realFetch = window.fetch;
                const turn = new Promise((resolve) => { window.yourTurn = resolve; });
                window.fetch = (url, init) => turn.then(() => realFetch(url, init));
                """);

        browser.findElement(By.id("login-submit")).click();

        waitFor(browser).until(textToBePresentInElementLocated(By.id("login-status"), "You are in the queue"));
        assertThat(browser.findElement(By.id("login-error")).getText()).isEmpty();
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        ((JavascriptExecutor) browser).executeScript("window.yourTurn()");
        waitFor(browser).until(urlContains("/courses"));
    }

    private Socket slowLogin() throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        OutputStream out = socket.getOutputStream();
        out.write(("POST " + LOGIN + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: 200\r\n\r\n{\"username\":").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    /** What the node answers a login now: 503 once every login slot is taken. */
    private int probeLogin(UserSummary student) throws IOException, InterruptedException {
        HttpRequest login = HttpRequest.newBuilder(URI.create(base() + LOGIN))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + student.login() + "\",\"password\":\""
                        + TestData.PASSWORD + "\"}"))
                .build();
        return http.send(login, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
