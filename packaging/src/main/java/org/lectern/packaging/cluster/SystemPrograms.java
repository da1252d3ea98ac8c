package org.lectern.packaging.cluster;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The operating-system programs a local cluster runs: HAProxy and PostgreSQL's server binaries, and nftables for
 * the partition drill. A missing one is named with the command that installs it; {@code --install} runs that
 * command on Debian and Ubuntu for the first two.
 */
public final class SystemPrograms {

    private static final Path POSTGRES_VERSIONS = Path.of("/usr/lib/postgresql");

    private SystemPrograms() {
    }

    /** HAProxy, or empty. */
    public static Optional<Path> haproxy() {
        return onPath("haproxy", Path.of("/usr/sbin"), Path.of("/usr/local/sbin"));
    }

    /** nftables' {@code nft}, for the partition drill only, or empty. */
    public static Optional<Path> nft() {
        return onPath("nft", Path.of("/usr/sbin"), Path.of("/sbin"));
    }

    /** The directory of PostgreSQL's server binaries ({@code initdb}, {@code pg_ctl}), the newest first, or empty. */
    public static Optional<Path> postgresBin() {
        if (Files.isDirectory(POSTGRES_VERSIONS)) {
            try (Stream<Path> versions = Files.list(POSTGRES_VERSIONS)) {
                Optional<Path> newest = versions.map(version -> version.resolve("bin"))
                        .filter(bin -> Files.isExecutable(bin.resolve("pg_ctl"))
                                && Files.isExecutable(bin.resolve("initdb")))
                        .max(Comparator.comparing(SystemPrograms::majorVersion));
                if (newest.isPresent()) {
                    return newest;
                }
            } catch (IOException unreadable) {
                // fall through to the PATH
            }
        }
        return onPath("initdb").map(Path::getParent).filter(bin -> Files.isExecutable(bin.resolve("pg_ctl")));
    }

    /** The command that installs {@code debPackage} (Debian, Ubuntu). */
    public static String installCommand(String debPackage) {
        return (isRoot() ? "" : "sudo ") + "apt-get install -y " + debPackage;
    }

    /**
     * Checks both programs; with {@code install} installs what is missing with apt, otherwise stops naming the
     * install command.
     */
    static void requireAll(boolean install) {
        List<String> missing = new ArrayList<>();
        if (haproxy().isEmpty()) {
            missing.add("haproxy");
        }
        if (postgresBin().isEmpty()) {
            missing.add("postgresql");
        }
        if (missing.isEmpty()) {
            return;
        }
        String packages = String.join(" ", missing);
        if (!install) {
            throw new ClusterException("the local cluster needs " + String.join(" and ", missing)
                    + ": install with `" + installCommand(packages) + "` (or run ./lectern cluster up --install)");
        }
        if (!Files.isRegularFile(Path.of("/etc/debian_version"))) {
            throw new ClusterException("--install knows Debian and Ubuntu (apt) only; install " + packages
                    + " with your system's package manager");
        }
        List<String> command = new ArrayList<>();
        if (!isRoot()) {
            command.add("sudo");
        }
        command.addAll(List.of("apt-get", "install", "-y", "--no-install-recommends"));
        command.addAll(missing);
        System.out.println("Installing " + packages + ": " + String.join(" ", command));
        try {
            int status = new ProcessBuilder(command).inheritIO().start().waitFor();
            if (status != 0 || haproxy().isEmpty() || postgresBin().isEmpty()) {
                throw new ClusterException("installing " + packages + " failed (exit " + status
                        + "); try `sudo apt-get update` first");
            }
        } catch (IOException e) {
            throw new ClusterException("could not run apt-get: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterException("interrupted while installing " + packages, e);
        }
    }

    static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static int majorVersion(Path bin) {
        String name = bin.getParent().getFileName().toString();
        return name.matches("\\d+") ? Integer.parseInt(name) : 0;
    }

    private static Optional<Path> onPath(String program, Path... extra) {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.concat(Stream.of(path.split(File.pathSeparator)).filter(entry -> !entry.isEmpty()).map(Path::of),
                        Stream.of(extra))
                .map(directory -> directory.resolve(program))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
