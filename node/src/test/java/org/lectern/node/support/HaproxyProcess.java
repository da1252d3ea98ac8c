package org.lectern.node.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.awaitility.Awaitility;
import org.lectern.shared.testing.FreePorts;
import org.lectern.shared.testing.RequiredPrograms;

/**
 * A real HAProxy started for a test from the configuration it is given, with its runtime API on a loopback TCP
 * port ({@code stats socket ipv4@127.0.0.1:<statsPort>}) that {@link #serverStats} reads. Closing stops it.
 */
public final class HaproxyProcess implements AutoCloseable {

    private final Process process;
    private final int statsPort;

    private HaproxyProcess(Process process, int statsPort) {
        this.process = process;
        this.statsPort = statsPort;
    }

    /**
     * Starts HAProxy (skipping the test where it is not installed, as {@link RequiredPrograms} says) and returns
     * once its runtime API answers: HAProxy binds its sockets a moment after the process starts, and a test that
     * asks before then would read a refused connection as a failure.
     *
     * @param configuration the configuration, without the {@code global} section, which this adds
     */
    public static HaproxyProcess start(Path directory, String configuration) {
        Path haproxy = RequiredPrograms.require("haproxy", "haproxy", Path.of("/usr/sbin"));
        int statsPort = FreePorts.next();
        String global = "global\n  stats socket ipv4@127.0.0.1:" + statsPort + " level admin\n\n";
        try {
            Path file = directory.resolve("haproxy.cfg");
            Files.writeString(file, global + configuration);
            Process process = new ProcessBuilder(haproxy.toString(), "-db", "-f", file.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(directory.resolve("haproxy.log").toFile())
                    .start();
            HaproxyProcess started = new HaproxyProcess(process, statsPort);
            started.awaitRuntimeApi(directory.resolve("haproxy.log"));
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitRuntimeApi(Path log) {
        Awaitility.await("HAProxy's runtime API").atMost(Duration.ofSeconds(30))
                .ignoreExceptionsInstanceOf(UncheckedIOException.class)
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("HAProxy exited with " + process.exitValue() + ": "
                                + Files.readString(log));
                    }
                    return command("show info").contains("Name: HAProxy");
                });
    }

    /** One runtime API command's answer, e.g. {@code show stat}. */
    public String command(String command) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", statsPort), 2000);
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write((command + "\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("HAProxy's runtime API did not answer " + command, e);
        }
    }

    /**
     * The {@code show stat} row of one server, by column name ({@code status}, {@code weight}, ...). The answer is
     * CSV after a {@code # }, and every line ends with a comma (a last column without a name).
     */
    public Map<String, String> serverStats(String backend, String server) {
        String answer = command("show stat");
        if (!answer.startsWith("# ")) {
            throw new IllegalStateException("Not a stats answer: " + answer);
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setAllowMissingColumnNames(true).get();
        try (CSVParser parser = CSVParser.parse(answer.substring(2), format)) {
            for (CSVRecord record : parser) {
                if (backend.equals(record.get("pxname")) && server.equals(record.get("svname"))) {
                    return record.toMap();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("No server " + backend + "/" + server + " in " + answer);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
