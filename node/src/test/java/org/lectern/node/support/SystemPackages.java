package org.lectern.node.support;

import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Tests that need an operating-system program (HAProxy, Chromium, PostgreSQL's binaries) ask for it here. Where
 * it is missing they are skipped with the install command, so a developer without it still runs everything else;
 * where {@code LECTERN_REQUIRE_ALL=1} (CI) they fail instead, so a green CI never hides a skipped test.
 */
public final class SystemPackages {

    private SystemPackages() {
    }

    /**
     * The program's path, or the test is skipped (failed under {@code LECTERN_REQUIRE_ALL=1}).
     *
     * @param program     the executable's name, looked up on the PATH and in {@code extraDirectories}
     * @param debPackage  the Debian package that brings it, for the message
     */
    public static Path require(String program, String debPackage, Path... extraDirectories) {
        Optional<Path> found = find(program, extraDirectories);
        if (found.isPresent()) {
            return found.get();
        }
        String message = program + " is not installed; install it with: sudo apt-get install -y " + debPackage;
        if ("1".equals(System.getenv("LECTERN_REQUIRE_ALL"))) {
            fail(message + " (LECTERN_REQUIRE_ALL=1 forbids skipping)");
        }
        Assumptions.abort(message);
        throw new AssertionError("unreachable");
    }

    static Optional<Path> find(String program, Path... extraDirectories) {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.concat(Stream.of(path.split(java.io.File.pathSeparator)).filter(entry -> !entry.isEmpty())
                        .map(Path::of), Stream.of(extraDirectories))
                .map(directory -> directory.resolve(program))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
