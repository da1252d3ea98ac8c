package org.lectern.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./lectern} as a person uses it, run for real from the repository root. */
class LauncherIT {

    private static final Path HOME = Path.of(System.getProperty("lectern.home", "..")).toAbsolutePath().normalize();

    @TempDir
    Path output;

    @Nested
    class Help {

        @Test
        void shouldListTheCommands() throws Exception {
            Run run = run("help");

            assertThat(run.exitCode).isZero();
            assertThat(run.output).contains("demo [--no-console] [--port N]", "console [--address HOST:PORT]",
                    "seed --students N [--url URL] [--password PASSWORD]",
                    "cluster up [--nodes N] [--port P] [--install]");
        }

        @Test
        void shouldRefuseAnUnknownCommandInOneLine() throws Exception {
            Run run = run("deploy");

            assertThat(run.exitCode).isEqualTo(1);
            assertThat(run.output.strip()).isEqualTo("lectern: unknown command 'deploy' (see ./lectern help)");
        }

        @Test
        void shouldHandAClusterCommandToTheClusterTool() throws Exception {
            Run run = run("cluster", "deploy");

            assertThat(run.exitCode).isEqualTo(1);
            // The last line: a first run may build the jars before.
            assertThat(run.output.strip().lines().reduce((first, last) -> last))
                    .hasValue("lectern: unknown cluster command 'deploy' (see ./lectern cluster help)");
        }

        @Test
        void shouldRefuseAPortThatIsNoNumber() throws Exception {
            Run run = run("demo", "--no-console", "--port", "eighty");

            assertThat(run.exitCode).isEqualTo(1);
            assertThat(run.output.strip()).isEqualTo("lectern: --port needs a number, got 'eighty'");
        }

        @Test
        void shouldRefuseAJavaOlderThan17() throws Exception {
            Path fakeJdk = Files.createDirectories(output.resolve("old-jdk/bin"));
            Path java = fakeJdk.resolve("java");
            Files.writeString(java, "#!/bin/sh\necho 'java version \"1.8.0_402\"' >&2\n");
            assertThat(java.toFile().setExecutable(true)).isTrue();

            Run run = run(List.of("JAVA_HOME=" + fakeJdk.getParent()), "demo", "--no-console");

            assertThat(run.exitCode).isEqualTo(1);
            assertThat(run.output).contains("Lectern needs JDK 17 or newer");
        }
    }

    @Nested
    class Seed {

        @Test
        void shouldRefuseASeedWithoutAStudentCountInOneLine() throws Exception {
            Run run = run("seed", "--url", "http://127.0.0.1:8080");

            assertThat(run.exitCode).isEqualTo(1);
            assertThat(run.output.strip()).isEqualTo("lectern: seed needs --students N (1 to 5000)");
        }

        @Test
        void shouldSaySoWhenNoNodeIsRunning() throws Exception {
            int port = freePort();

            Run run = run("seed", "--students", "10", "--url", "http://127.0.0.1:" + port);

            assertThat(run.exitCode).isEqualTo(1);
            assertThat(run.output.strip()).isEqualTo("lectern: no Lectern node answers at http://127.0.0.1:" + port
                    + " (start one with ./lectern demo, or pass --url)");
        }
    }

    @Nested
    class Demo {

        @Test
        void shouldNameTheBusyPort() throws Exception {
            try (ServerSocket occupied = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                Run run = run("demo", "--no-console", "--port", String.valueOf(occupied.getLocalPort()));

                assertThat(run.exitCode).isEqualTo(1);
                assertThat(run.output).contains("HTTP port " + occupied.getLocalPort() + " is busy");
            }
        }

        @Test
        void shouldNotRebuildWhenOnlyTestsChanged() throws Exception {
            Path aTest = HOME.resolve("node/src/test/java/org/lectern/node/course/MyCoursesIT.java");
            assertThat(aTest.toFile().setLastModified(System.currentTimeMillis())).isTrue();
            try (ServerSocket occupied = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                Run run = run("demo", "--no-console", "--port", String.valueOf(occupied.getLocalPort()));

                assertThat(run.output).doesNotContain("Building Lectern").contains("is busy");
            }
        }

        @Test
        void shouldServeAStudentAndStopCleanly() throws Exception {
            assumeTrue(free(5701) && free(61613), "a Lectern demo already runs here (ports 5701/61613 busy)");
            int port = freePort();
            Path log = output.resolve("demo.log");
            Process demo = new ProcessBuilder(HOME.resolve("lectern").toString(), "demo", "--no-console",
                    "--port", String.valueOf(port))
                    .directory(HOME.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            try {
                await().atMost(Duration.ofMinutes(3)).until(() -> Files.readString(log).contains("Press Ctrl-C"));

                HttpResponse<String> login = HttpClient.newHttpClient().send(HttpRequest
                        .newBuilder(URI.create("http://127.0.0.1:" + port + "/api/auth/login"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"student1\",\"password\":\"demo\"}"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertThat(login.statusCode()).isEqualTo(200);
                assertThat(login.body()).contains("\"login\":\"student1\"");

                Run seed = run("seed", "--students", "50", "--url", "http://127.0.0.1:" + port);
                assertThat(seed.exitCode).as(seed.output).isZero();
                assertThat(seed.output).containsPattern(
                        "Created course BENCH-\\d+ \\(id \\d+\\) with 50 students and 50 student exams")
                        .containsPattern("Students bench-\\d+-0001\\.\\.bench-\\d+-0050, password demo");

                demo.destroy(); // SIGTERM, as Ctrl-C's trap handles it
                assertThat(demo.waitFor(60, TimeUnit.SECONDS)).isTrue();
                assertThat(Files.readString(log)).contains("Stopped. The data stays in .lectern/demo");
                assertThat(free(port)).isTrue();
            } finally {
                demo.descendants().forEach(ProcessHandle::destroyForcibly);
                demo.destroyForcibly();
            }
        }
    }

    @Nested
    class Screens {

        @Test
        void shouldCopyTheTestRunsScreenshotsIntoTheDocumentation() throws Exception {
            Path home = launcherCopy();
            Files.createDirectories(home.resolve("node/target/screens"));
            Files.createDirectories(home.resolve("console/target/screens"));
            Files.writeString(home.resolve("node/target/screens/login.png"), "new login");
            Files.writeString(home.resolve("console/target/screens/console-members.png"), "new members");
            Files.createDirectories(home.resolve("docs/screens"));
            Files.writeString(home.resolve("docs/screens/login.png"), "old login");

            Run run = run(home, "screens");

            assertThat(run.exitCode).as(run.output).isZero();
            assertThat(run.output.strip()).isEqualTo("Copied 2 screenshots into docs/screens/ (git status shows which "
                    + "changed).");
            assertThat(Files.readString(home.resolve("docs/screens/login.png"))).isEqualTo("new login");
            assertThat(Files.readString(home.resolve("docs/screens/console-members.png"))).isEqualTo("new members");
        }

        @Test
        void shouldSaySoWhenNoTestRunTookScreenshots() throws Exception {
            Path home = launcherCopy();

            Run run = run(home, "screens");

            assertThat(run.exitCode).isEqualTo(1);
            assertThat(run.output.strip()).startsWith("lectern: no screenshots in node/, console/ or "
                    + "packaging/target/screens");
            assertThat(home.resolve("docs/screens")).doesNotExist();
        }

        /** The launcher alone in a directory of its own, so the test never touches the repository's docs. */
        private Path launcherCopy() throws IOException {
            Path home = output.resolve("home");
            Files.createDirectories(home.resolve("packaging/launcher"));
            Files.copy(HOME.resolve("lectern"), home.resolve("lectern"), StandardCopyOption.COPY_ATTRIBUTES);
            Files.copy(HOME.resolve("packaging/launcher/lectern.sh"), home.resolve("packaging/launcher/lectern.sh"));
            return home;
        }
    }

    private Run run(String... args) throws Exception {
        return run(HOME, List.of(), args);
    }

    private Run run(Path home, String... args) throws Exception {
        return run(home, List.of(), args);
    }

    private Run run(List<String> environment, String... args) throws Exception {
        return run(HOME, environment, args);
    }

    private Run run(Path home, List<String> environment, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(home.resolve("lectern").toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true);
        for (String variable : environment) {
            String[] nameValue = variable.split("=", 2);
            builder.environment().put(nameValue[0], nameValue[1]);
        }
        Process process = builder.start();
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), text);
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException busy) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private record Run(int exitCode, String output) {
    }
}
