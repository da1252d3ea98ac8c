package org.lectern.shared.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretFileTest {

    @TempDir
    Path directory;

    @Test
    void shouldGiveBothTheSameNonEmptySecretWhenTwoCreateItAtOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            // Many rounds, so that the two really meet between "no file yet" and "file published".
            for (int round = 0; round < 200; round++) {
                Path file = directory.resolve("round-" + round).resolve("secret");
                CyclicBarrier start = new CyclicBarrier(2);
                Callable<String> create = () -> {
                    start.await(10, TimeUnit.SECONDS);
                    return SecretFile.readOrCreate(file, () -> SecretFile.randomBase64(32));
                };
                List<Future<String>> both = pool.invokeAll(List.of(create, create));

                String first = both.get(0).get();
                assertThat(first).as("round %d", round).isNotEmpty();
                assertThat(both.get(1).get()).as("round %d", round).isEqualTo(first);
                assertThat(Files.readString(file)).isEqualTo(first);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(Files.walk(directory)).noneMatch(path -> path.getFileName().toString().endsWith(".tmp"));
    }

    @Test
    void shouldReadTheFileWhenItExists() throws Exception {
        Path file = directory.resolve("secret");
        Files.writeString(file, "kept");

        assertThat(SecretFile.readOrCreate(file, () -> "new")).isEqualTo("kept");
    }

    @Test
    void shouldLetOnlyTheOwnerReadTheFileWhenItCreatesIt() throws Exception {
        Path file = directory.resolve("nested").resolve("secret");

        String secret = SecretFile.readOrCreate(file, () -> SecretFile.randomBase64(32));

        assertThat(secret).hasSize(44);
        if (Files.getFileStore(directory).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
    }
}
