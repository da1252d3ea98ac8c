import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/**
 * What the POSIX launcher cannot do portably on a machine that has only a JDK (no curl, no ss, no nc):
 * check that ports are free, and wait until a node answers its readiness probe.
 * Run as a single-file source program: {@code java LauncherTool.java <command> ...}.
 */
public class LauncherTool {

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
        }
        switch (args[0]) {
            case "ports-free" -> portsFree(args);
            case "wait-ready" -> waitReady(args);
            default -> usage();
        }
    }

    /** {@code ports-free HOST NAME=PORT...}: exits 1 naming the first port something already listens on. */
    private static void portsFree(String[] args) throws IOException {
        InetAddress host = InetAddress.getByName(args[1]);
        for (int i = 2; i < args.length; i++) {
            String[] namedPort = args[i].split("=", 2);
            int port = Integer.parseInt(namedPort[1]);
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress(host, port));
            } catch (IOException busy) {
                System.out.println(namedPort[0] + " port " + port);
                System.exit(1);
            }
        }
    }

    /** {@code wait-ready URL SECONDS PID}: exits 0 once URL answers 200, 1 on time-out, 2 if process PID died. */
    private static void waitReady(String[] args) throws InterruptedException {
        URI uri = URI.create(args[1]);
        Instant deadline = Instant.now().plusSeconds(Long.parseLong(args[2]));
        long pid = Long.parseLong(args[3]);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).GET().build();
        while (Instant.now().isBefore(deadline)) {
            if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) == false) {
                System.exit(2);
            }
            try {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            // A launcher polling a starting server: there is no event to wait on across processes.
            Thread.sleep(500);
        }
        System.exit(1);
    }

    private static void usage() {
        System.err.println("usage: LauncherTool ports-free HOST NAME=PORT... | wait-ready URL SECONDS PID");
        System.exit(64);
    }
}
