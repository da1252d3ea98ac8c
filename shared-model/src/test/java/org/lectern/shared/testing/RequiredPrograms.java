package org.lectern.shared.testing;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Tests that need an operating-system program (HAProxy, Chromium, PostgreSQL's binaries) ask for it here. Where
 * it is missing they are skipped with the install command, so a developer without it still runs everything else;
 * where {@code LECTERN_REQUIRE_ALL=1} (CI) they fail instead, so a green CI never hides a skipped test. Shared
 * with node and packaging through shared-model's test jar, the one module both depend on.
 */
public final class RequiredPrograms {

    static final String REQUIRE_ALL = "LECTERN_REQUIRE_ALL";

    private RequiredPrograms() {
    }

    /**
     * The program's path, or the test is skipped (failed under {@code LECTERN_REQUIRE_ALL=1}).
     *
     * @param program          the executable's name, looked up on the PATH and in {@code extraDirectories}
     * @param debPackage       the Debian package that brings it, for the message
     */
    public static Path require(String program, String debPackage, Path... extraDirectories) {
        return require(find(program, extraDirectories), program, debPackage);
    }

    /** As {@link #require(String, String, Path...)}, for a program the caller has looked for in its own way. */
    public static Path require(Optional<Path> found, String program, String debPackage) {
        if (found.isPresent()) {
            return found.get();
        }
        return missing(program + " is not installed; install it with: " + installCommand(debPackage));
    }

    /**
     * Skips the calling test with {@code message}, or fails it under {@code LECTERN_REQUIRE_ALL=1}: for what a test
     * needs that is not a program (axe-core's script from npm). Never returns.
     */
    public static <T> T missing(String message) {
        if ("1".equals(System.getenv(REQUIRE_ALL))) {
            fail(message + " (" + REQUIRE_ALL + "=1 forbids skipping)");
        }
        return Assumptions.abort(message);
    }

    static Optional<Path> find(String program, Path... extraDirectories) {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.concat(Stream.of(path.split(File.pathSeparator)).filter(entry -> !entry.isEmpty())
                        .map(Path::of), Stream.of(extraDirectories))
                .map(directory -> directory.resolve(program))
                .filter(Files::isExecutable)
                .findFirst();
    }

    static String installCommand(String debPackage) {
        return ("root".equals(System.getProperty("user.name")) ? "" : "sudo ") + "apt-get install -y " + debPackage;
    }
}
