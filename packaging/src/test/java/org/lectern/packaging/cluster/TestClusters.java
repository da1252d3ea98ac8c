package org.lectern.packaging.cluster;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;
import org.lectern.shared.testing.RequiredPrograms;

/** The local clusters of the packaging's integration tests: each in a directory of its own, removed afterwards. */
final class TestClusters {

    private TestClusters() {
    }

    /**
     * A directory for one cluster under {@code packaging/target/cluster-it} of {@code home} (not a private temporary
     * folder: as root, PostgreSQL runs as the postgres user, which must reach its data directory). Skips the test
     * when HAProxy or PostgreSQL is not installed (fails it under {@code LECTERN_REQUIRE_ALL}).
     */
    static Path directory(Path home, String prefix) throws IOException {
        RequiredPrograms.require(SystemPrograms.haproxy(), "haproxy", "haproxy");
        RequiredPrograms.require(SystemPrograms.postgresBin(), "initdb", "postgresql");
        Path base = Files.createDirectories(home.resolve("packaging/target/cluster-it"));
        Path run = Files.createTempDirectory(base, prefix);
        Files.setPosixFilePermissions(run, PosixFilePermissions.fromString("rwxr-xr-x"));
        return run;
    }

    /** Stops the cluster, unless a test already did ({@code cluster} null), and removes its directory. */
    static void remove(LocalCluster cluster, Path run, PrintStream out) throws IOException {
        if (cluster != null) {
            cluster.down(out);
        }
        if (run != null) {
            try (Stream<Path> files = Files.walk(run)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
        }
    }
}
