package org.lectern.packaging.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.concurrent.TimeUnit;

/**
 * The local cluster's PostgreSQL: a private data directory ({@code postgres/data}) run by the system's server
 * binaries through {@code pg_ctl}, listening on loopback only (no Unix socket). PostgreSQL refuses to run as root,
 * so as root it runs as the {@code postgres} user the distribution's package creates.
 */
final class Postgres {

    static final String USER = "lectern";
    static final String DATABASE = "lectern";
    private static final String SERVICE_USER = "postgres";

    private final ClusterLayout layout;
    private final Path bin;
    /** Made on first use only: looking at a cluster must not create its secrets. */
    private final Supplier<Secrets> secrets;
    private final Path dir;
    private final Path data;

    Postgres(ClusterLayout layout, Path bin, Supplier<Secrets> secrets) {
        this.layout = layout;
        this.bin = bin;
        this.secrets = secrets;
        this.dir = layout.base().resolve("postgres");
        this.data = dir.resolve("data");
    }

    static String jdbcUrl(ClusterLayout layout) {
        return "jdbc:postgresql://" + ClusterLayout.HOST + ":" + layout.postgresPort() + "/" + DATABASE;
    }

    Path log() {
        return dir.resolve("postgres.log");
    }

    /** Creates the database on first use, then starts the server and waits until it accepts connections. */
    void start() {
        boolean fresh = !Files.isRegularFile(data.resolve("PG_VERSION"));
        if (fresh) {
            initialise();
        }
        run("start PostgreSQL", asServiceUser(List.of(bin.resolve("pg_ctl").toString(), "start", "-w", "-t", "60",
                "-D", data.toString(), "-l", log().toString(), "-o",
                "-p " + layout.postgresPort() + " -c listen_addresses=" + ClusterLayout.HOST
                        + " -c unix_socket_directories=''")), Map.of());
        if (fresh) {
            run("create the database", List.of(bin.resolve("createdb").toString(), "-h", ClusterLayout.HOST,
                    "-p", String.valueOf(layout.postgresPort()), "-U", USER, DATABASE), password());
        }
    }

    boolean ready() {
        try {
            Process probe = new ProcessBuilder(bin.resolve("pg_isready").toString(), "-q", "-h", ClusterLayout.HOST,
                    "-p", String.valueOf(layout.postgresPort()), "-t", "2").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The postmaster's pid while it runs. */
    Optional<Long> pid() {
        Path pidFile = data.resolve("postmaster.pid");
        try {
            if (!Files.isReadable(pidFile)) {
                return Optional.empty();
            }
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(ProcessHandle::pid);
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    /** Stops the server (fast: open transactions roll back), if it runs. */
    boolean stop() {
        if (pid().isEmpty()) {
            return false;
        }
        run("stop PostgreSQL", asServiceUser(List.of(bin.resolve("pg_ctl").toString(), "stop", "-w", "-t", "60",
                "-m", "fast", "-D", data.toString())), Map.of());
        return true;
    }

    private void initialise() {
        try {
            Files.createDirectories(dir);
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            Path passwordFile = dir.resolve("initdb-password");
            Files.writeString(passwordFile, secrets.get().databasePassword() + "\n");
            if (SystemPrograms.isRoot()) {
                UserPrincipal owner = dir.getFileSystem().getUserPrincipalLookupService()
                        .lookupPrincipalByName(SERVICE_USER);
                Files.setOwner(dir, owner);
                Files.setOwner(passwordFile, owner);
            }
            try {
                run("initialise PostgreSQL's data directory", asServiceUser(List.of(bin.resolve("initdb").toString(),
                        "-D", data.toString(), "-U", USER, "--pwfile=" + passwordFile, "-E", "UTF8",
                        "--locale=C", "--auth-host=scram-sha-256", "--auth-local=scram-sha-256")), Map.of());
            } finally {
                Files.deleteIfExists(passwordFile);
            }
        } catch (java.nio.file.attribute.UserPrincipalNotFoundException noUser) {
            throw new ClusterException("PostgreSQL does not run as root and there is no user '" + SERVICE_USER
                    + "' to run it as: run ./lectern cluster as another user, or install the postgresql package");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * As root, the command runs as the user that owns the cluster's PostgreSQL directory (the distribution's
     * {@code postgres} user, which {@link #initialise()} makes its owner): PostgreSQL refuses root, and
     * {@code pg_ctl} acts only on a server of its own user ("must own the server process").
     */
    private List<String> asServiceUser(List<String> command) {
        if (!SystemPrograms.isRoot()) {
            return command;
        }
        String user = owner(dir).orElse(SERVICE_USER);
        List<String> switched = new ArrayList<>(List.of("setpriv", "--reuid=" + user, "--regid=" + user,
                "--init-groups", "--"));
        switched.addAll(command);
        return switched;
    }

    /** The owner of {@code path}, if it exists and is not root (a directory root made before initialise). */
    static Optional<String> owner(Path path) {
        try {
            String name = Files.getOwner(path).getName();
            return "root".equals(name) ? Optional.empty() : Optional.of(name);
        } catch (IOException missing) {
            return Optional.empty();
        }
    }

    private Map<String, String> password() {
        return Map.of("PGPASSWORD", secrets.get().databasePassword());
    }

    /** Runs a short command, its output into {@code logs/postgres-ctl.log}; stops with that output on failure. */
    private void run(String what, List<String> command, Map<String, String> environment) {
        Path log = layout.logs().resolve("postgres-ctl.log");
        try {
            Files.createDirectories(layout.logs());
            long before = Files.exists(log) ? Files.size(log) : 0;
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new ClusterException("could not " + what + " within 120 s (see " + log + ")");
            }
            if (process.exitValue() != 0) {
                String output = Files.readString(log).substring((int) before).strip();
                throw new ClusterException("could not " + what + " (exit " + process.exitValue() + "): " + output);
            }
        } catch (IOException e) {
            throw new ClusterException("could not " + what + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterException("interrupted while trying to " + what, e);
        }
    }
}
