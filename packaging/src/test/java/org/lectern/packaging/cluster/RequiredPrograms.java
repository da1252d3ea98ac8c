package org.lectern.packaging.cluster;

import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * The packaging tests' twin of the node's {@code SystemPackages}: a test needing a missing operating-system
 * program is skipped with the install command, or fails where {@code LECTERN_REQUIRE_ALL=1} (CI).
 */
final class RequiredPrograms {

    private RequiredPrograms() {
    }

    static Path require(Optional<Path> found, String program, String debPackage) {
        if (found.isPresent()) {
            return found.get();
        }
        String message = program + " is not installed; install it with: " + SystemPrograms.installCommand(debPackage);
        if ("1".equals(System.getenv("LECTERN_REQUIRE_ALL"))) {
            fail(message + " (LECTERN_REQUIRE_ALL=1 forbids skipping)");
        }
        Assumptions.abort(message);
        throw new AssertionError("unreachable");
    }
}
