package org.lectern.node.balancer;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.lectern.node.cluster.ClusterProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.LivenessState;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * HAProxy's health check ({@code check port <health-port>}, {@code option httpchk GET /live}): a small HTTP server
 * with one thread of its own, beside Tomcat rather than behind it. Under an exam-start surge every Tomcat thread is
 * busy and its accept queue is full; a check queued there timed out, HAProxy took a working node for a dead one
 * and moved its load onto the others. Here the answer is one read of the liveness state, so it arrives in
 * milliseconds however busy the node is; a node that is alive but draining says so through its agent.
 */
@Component
class LivenessServer implements SmartLifecycle {

    static final String PATH = "/live";
    private static final Logger log = LoggerFactory.getLogger(LivenessServer.class);
    /** HAProxy checks each node once a second per backend: a few queued connections are plenty. */
    private static final int BACKLOG = 16;

    private final BalancerProperties balancer;
    private final ClusterProperties cluster;
    private final ApplicationAvailability availability;
    private volatile HttpServer server;
    private volatile ExecutorService executor;

    LivenessServer(BalancerProperties balancer, ClusterProperties cluster, ApplicationAvailability availability) {
        this.balancer = balancer;
        this.cluster = cluster;
        this.availability = availability;
    }

    /** The port the check listens on, or 0 when it does not run. */
    int port() {
        HttpServer running = server;
        return running == null ? 0 : running.getAddress().getPort();
    }

    @Override
    public synchronized void start() {
        if (balancer.healthPort() == 0 || server != null) {
            return;
        }
        HttpServer created;
        try {
            created = HttpServer.create(new InetSocketAddress(InetAddress.getByName(cluster.bindInterface()),
                    balancer.healthPort()), BACKLOG);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen for HAProxy's health check on " + cluster.bindInterface()
                    + ":" + balancer.healthPort(), e);
        }
        created.createContext(PATH, this::answer);
        executor = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "lectern-liveness");
            thread.setDaemon(true);
            return thread;
        });
        created.setExecutor(executor);
        created.start();
        server = created;
        log.info("HAProxy health check listening on {}:{}{}", cluster.bindInterface(), port(), PATH);
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            boolean exact = PATH.equals(exchange.getRequestURI().getPath());
            boolean alive = availability.getLivenessState() == LivenessState.CORRECT;
            int status = !exact ? 404 : alive ? 200 : 503;
            byte[] body = (!exact ? "NOT FOUND\n" : alive ? "UP\n" : "DOWN\n").getBytes(StandardCharsets.US_ASCII);
            exchange.getResponseHeaders().set("Content-Type", "text/plain");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            boolean head = "HEAD".equals(exchange.getRequestMethod());
            exchange.sendResponseHeaders(status, head ? -1 : body.length);
            if (!head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    @Override
    public synchronized void stop() {
        HttpServer running = server;
        server = null;
        if (running != null) {
            running.stop(0);
            executor.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return server != null;
    }

    /**
     * Started with the agent, first, and stopped last: while the rest of the node starts, liveness is not yet
     * CORRECT and the check answers 503; while it stops, the agent's {@code maint} already keeps new users away.
     */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1;
    }
}
