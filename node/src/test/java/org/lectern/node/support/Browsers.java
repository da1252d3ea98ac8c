package org.lectern.node.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.lectern.shared.testing.FreePorts;
import org.lectern.shared.testing.RequiredPrograms;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.remote.RemoteWebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium, driven through the system's chromedriver: never a browser or driver Selenium Manager
 * would download. One {@code Browsers} per test class starts one chromedriver; each {@link #open()} is a
 * browser of its own (own profile, own cookies), so two users can be logged in side by side.
 */
public final class Browsers implements AutoCloseable {

    private static final Path SCREENS = Path.of("target", "screens");

    private final Path chromium;
    private final Process driverProcess;
    private final URL driverUrl;
    private final List<WebDriver> drivers = new ArrayList<>();
    private final List<Path> profiles = new ArrayList<>();

    public Browsers() {
        Path driver = RequiredPrograms.require("chromedriver", "chromium-driver");
        this.chromium = RequiredPrograms.require("chromium", "chromium");
        // Our own chromedriver process rather than Selenium's DriverService, whose stop() timed out here after
        // minutes and which every quit() stops. This one process serves the class's browsers and ends in close().
        int port = FreePorts.next();
        try {
            this.driverProcess = new ProcessBuilder(driver.toString(), "--port=" + port, "--allowed-ips=127.0.0.1")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            this.driverUrl = URI.create("http://127.0.0.1:" + port).toURL();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitDriver(port);
    }

    private static void awaitDriver(int port) {
        Awaitility.await("chromedriver on port " + port).atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(50)).ignoreExceptions()
                .until(() -> {
                    try (Socket probe = new Socket("127.0.0.1", port)) {
                        return true;
                    }
                });
    }

    /** A new browser with a fresh profile, on a narrow laptop's window size. */
    public WebDriver open() {
        try {
            Path profile = Files.createTempDirectory("lectern-chromium");
            profiles.add(profile);
            ChromeOptions options = new ChromeOptions();
            options.setBinary(chromium.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--user-data-dir=" + profile, "--window-size=1280,800");
            RemoteWebDriver driver = new RemoteWebDriver(driverUrl, options);
            drivers.add(driver);
            return driver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static WebDriverWait waitFor(WebDriver driver) {
        return new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    /**
     * Saves a screenshot to target/screens/{name}.png; {@code ./lectern screens} copies them into docs/screens/
     * (a test run never changes a tracked file).
     */
    public static void screenshot(WebDriver driver, String name) {
        ((JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0)");
        save((TakesScreenshot) driver, name);
    }

    /** As {@link #screenshot(WebDriver, String)}, of one element only (a form further down the page). */
    public static void screenshot(WebElement element, String name) {
        save(element, name);
    }

    private static void save(TakesScreenshot source, String name) {
        try {
            Path shot = source.getScreenshotAs(OutputType.FILE).toPath();
            Files.createDirectories(SCREENS);
            Path target = SCREENS.resolve(name + ".png");
            Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
            Files.deleteIfExists(shot);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        drivers.forEach(WebDriver::quit);
        driverProcess.destroy();
        for (Path profile : profiles) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                // a profile left in the temporary directory is harmless
            }
        }
    }
}
