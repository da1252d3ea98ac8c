package org.lectern.node.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium, driven through the system's chromedriver: never a browser or driver Selenium Manager
 * would download. One {@code Browsers} per test class starts one driver service; each {@link #open()} is a
 * browser of its own (own profile, own cookies), so two users can be logged in side by side.
 */
public final class Browsers implements AutoCloseable {

    private static final Path SCREENS = Path.of("target", "screens");
    private static final Path DOCS_SCREENS = Path.of("..", "docs", "screens");

    private final Path driverPath;
    private final Path chromium;
    private final ChromeDriverService service;
    private final List<WebDriver> drivers = new ArrayList<>();
    private final List<Path> profiles = new ArrayList<>();

    public Browsers() {
        this.driverPath = SystemPackages.require("chromedriver", "chromium-driver");
        this.chromium = SystemPackages.require("chromium", "chromium");
        this.service = new ChromeDriverService.Builder().usingDriverExecutable(driverPath.toFile()).usingAnyFreePort()
                .build();
        try {
            service.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
            ChromeDriver driver = new ChromeDriver(service, options);
            drivers.add(driver);
            return driver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static WebDriverWait waitFor(WebDriver driver) {
        return new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    /** Saves a screenshot to target/screens/{name}.png and, as the current one, to docs/screens/. */
    public static void screenshot(WebDriver driver, String name) {
        try {
            ((JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0)");
            Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
            Files.createDirectories(SCREENS);
            Path target = SCREENS.resolve(name + ".png");
            Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
            if (Files.isDirectory(DOCS_SCREENS.getParent())) {
                Files.createDirectories(DOCS_SCREENS);
                Files.copy(target, DOCS_SCREENS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
            }
            Files.deleteIfExists(shot);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        drivers.forEach(WebDriver::quit);
        // DriverService.stop() waits minutes for Debian's chromedriver, which ignores the shutdown request: end
        // the one driver process this JVM started (by its id), as stop() would.
        String driverCommand = driverPath.toString();
        ProcessHandle.current().children()
                .filter(child -> child.info().command().map(driverCommand::equals).orElse(false))
                .forEach(ProcessHandle::destroy);
        for (Path profile : profiles) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                // a profile left in the temporary directory is harmless
            }
        }
    }
}
