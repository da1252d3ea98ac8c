package org.lectern.packaging.cluster;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Starts the cluster's long-running processes detached from the terminal and remembers each one in a pid file
 * ({@code run/NAME.pid}: pid and start time), so that a later command, in another JVM, stops exactly that
 * process and never an unrelated one that happens to reuse its pid.
 */
final class ProcessRegistry {

    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private final Path runDir;
    private final Path logDir;

    ProcessRegistry(Path runDir, Path logDir) {
        this.runDir = runDir;
        this.logDir = logDir;
    }

    /** Starts {@code command} as part {@code name}, its output appended to {@code logs/NAME.log}. */
    ProcessHandle start(String name, List<String> command, Map<String, String> environment) {
        List<String> detached = new ArrayList<>();
        // A session of its own: Ctrl-C in the terminal and its closing reach the tool, not the cluster.
        if (Files.isExecutable(SETSID)) {
            detached.add(SETSID.toString());
        }
        detached.addAll(command);
        try {
            Files.createDirectories(runDir);
            Files.createDirectories(logDir);
            ProcessBuilder builder = new ProcessBuilder(detached)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log(name).toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            builder.environment().putAll(environment);
            Process process = builder.start();
            ProcessHandle handle = process.toHandle();
            long started = handle.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
            Files.writeString(pidFile(name), handle.pid() + " " + started + "\n");
            return handle;
        } catch (IOException e) {
            throw new ClusterException("could not start " + name + ": " + e.getMessage(), e);
        }
    }

    Path log(String name) {
        return logDir.resolve(name + ".log");
    }

    /** The live process started as {@code name}, if any. */
    Optional<ProcessHandle> find(String name) {
        Path file = pidFile(name);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        String[] fields;
        try {
            fields = Files.readString(file).trim().split(" ");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long recordedStart = Long.parseLong(fields[1]);
        return ProcessHandle.of(Long.parseLong(fields[0]))
                .filter(ProcessHandle::isAlive)
                .filter(handle -> recordedStart == 0 || handle.info().startInstant()
                        .map(Instant::toEpochMilli).map(start -> start == recordedStart).orElse(true));
    }

    /**
     * Asks the process to stop (SIGTERM: the node drains and shuts down gracefully), waits up to {@code grace},
     * then kills it. True if it was running.
     */
    boolean stop(String name, Duration grace) {
        Optional<ProcessHandle> process = find(name);
        process.ifPresent(handle -> {
            handle.destroy();
            if (!awaitExit(handle, grace)) {
                handle.destroyForcibly();
                awaitExit(handle, Duration.ofSeconds(10));
            }
        });
        forget(name);
        return process.isPresent();
    }

    /** Kills the process at once (SIGKILL), as a crash would. True if it was running. */
    boolean kill(String name) {
        Optional<ProcessHandle> process = find(name);
        process.ifPresent(handle -> {
            handle.destroyForcibly();
            awaitExit(handle, Duration.ofSeconds(10));
        });
        forget(name);
        return process.isPresent();
    }

    private void forget(String name) {
        try {
            Files.deleteIfExists(pidFile(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean awaitExit(ProcessHandle handle, Duration timeout) {
        try {
            handle.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException stillRunning) {
            return false;
        } catch (ExecutionException e) {
            return !handle.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !handle.isAlive();
        }
    }

    private Path pidFile(String name) {
        return runDir.resolve(name + ".pid");
    }
}
