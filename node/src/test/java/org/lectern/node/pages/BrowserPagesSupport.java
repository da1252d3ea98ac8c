package org.lectern.node.pages;

import static org.lectern.node.support.Browsers.waitFor;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlContains;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.lectern.node.support.Browsers;
import org.lectern.node.support.LecternClient;
import org.lectern.node.support.NodeIntegrationTest;
import org.lectern.node.support.TestData;
import org.lectern.node.user.UserSummary;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;

/** What the browser tests share: one Chromium per class against the test's node, and logging in through the page. */
abstract class BrowserPagesSupport extends NodeIntegrationTest {

    static Browsers browsers;

    @Autowired
    TestData data;

    @BeforeAll
    static void startBrowsers() {
        browsers = new Browsers();
    }

    @AfterAll
    static void stopBrowsers() {
        if (browsers != null) {
            browsers.close();
        }
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    String token(String login, String password) {
        return new LecternClient(base()).tokenFor(login, password);
    }

    String token(UserSummary user) {
        return token(user.login(), TestData.PASSWORD);
    }

    /** Logs the browser in through the login page, at {@code baseUrl} (the node, or a proxy in front of it). */
    static void logIn(WebDriver browser, String baseUrl, String login, String password) {
        browser.get(baseUrl + "/login");
        browser.findElement(By.id("username")).sendKeys(login);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("login-submit")).click();
        waitFor(browser).until(urlContains("/courses"));
    }

    /** A new browser session, logged in. */
    WebDriver loggedIn(String login, String password) {
        WebDriver browser = browsers.open();
        logIn(browser, base(), login, password);
        return browser;
    }

    WebDriver loggedIn(UserSummary user) {
        return loggedIn(user.login(), TestData.PASSWORD);
    }
}
