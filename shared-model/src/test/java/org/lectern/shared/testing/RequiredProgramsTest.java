package org.lectern.shared.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

class RequiredProgramsTest {

    @TempDir
    Path directory;

    @Test
    void shouldFindTheProgramWhenItIsExecutableInAnExtraDirectory() throws Exception {
        Path program = Files.createFile(directory.resolve("lectern-test-program"));
        assertThat(program.toFile().setExecutable(true)).isTrue();

        assertThat(RequiredPrograms.require("lectern-test-program", "some-package", directory)).isEqualTo(program);
    }

    @Test
    void shouldNameTheDebianPackageWhenTheProgramIsMissing() {
        boolean requireAll = "1".equals(System.getenv(RequiredPrograms.REQUIRE_ALL));

        assertThatThrownBy(() -> RequiredPrograms.require(Optional.empty(), "no-such-program", "no-such-package"))
                // skipped for a developer, failed on CI (LECTERN_REQUIRE_ALL=1)
                .isInstanceOf(requireAll ? AssertionError.class : TestAbortedException.class)
                .hasMessageContaining("no-such-program is not installed")
                .hasMessageContaining("apt-get install -y no-such-package");
    }

    @Test
    void shouldSkipOrFailWithTheMessageWhenSomethingElseIsMissing() {
        boolean requireAll = "1".equals(System.getenv(RequiredPrograms.REQUIRE_ALL));

        assertThatThrownBy(() -> RequiredPrograms.missing("axe-core is not installed"))
                .isInstanceOf(requireAll ? AssertionError.class : TestAbortedException.class)
                .hasMessageContaining("axe-core is not installed");
    }
}
