package org.lectern.node.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.lectern.shared.testing.RequiredPrograms;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs axe-core in a page and reports its serious and critical violations, each as "rule: help [selectors]" so
 * that a failing assertion says what to fix. axe-core comes from the npm registry, installed before the tests
 * (`.ci/run`, docs/browser.md) into {@code node/target/axe-core}: never fetched by a test. Without it the test is
 * skipped, and fails under {@code LECTERN_REQUIRE_ALL=1} (CI), as for the browser itself.
 */
public final class Axe {

    /** Where {@code npm install --prefix target/axe-core axe-core@<version>} puts the script (module directory). */
    static final Path SCRIPT = Path.of("target", "axe-core", "node_modules", "axe-core", "axe.min.js");

    private static final Set<String> BLOCKING = Set.of("serious", "critical");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Axe() {
    }

    /** The script's source, or the calling test is skipped (failed under {@code LECTERN_REQUIRE_ALL=1}). */
    public static String require() {
        if (Files.isRegularFile(SCRIPT)) {
            try {
                return Files.readString(SCRIPT, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return RequiredPrograms.missing("axe-core is not installed; install it with: npm install --no-save --prefix "
                + "node/target/axe-core axe-core@4.11.1");
    }

    /** The page's violations of impact serious or critical (WCAG 2 A/AA and best-practice rules). */
    public static List<String> seriousViolations(WebDriver browser, String source) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript(source);
        Object answer = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { resultTypes: ['violations'] })
                  .then((results) => done(JSON.stringify(results.violations)))
                  .catch((error) => done(JSON.stringify([{ id: 'axe-error', impact: 'critical',
                    help: String(error), nodes: [] }])));""");
        List<String> found = new ArrayList<>();
        for (JsonNode violation : JSON.readTree(String.valueOf(answer))) {
            if (!BLOCKING.contains(violation.path("impact").asString(""))) {
                continue;
            }
            List<String> targets = new ArrayList<>();
            violation.path("nodes").forEach(node -> targets.add(node.path("target").toString()));
            found.add(violation.path("id").asString("") + ": " + violation.path("help").asString("") + " "
                    + targets);
        }
        return found;
    }
}
