package org.lectern.node.balancer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.lectern.node.cluster.ClusterProperties;
import org.lectern.node.cluster.LiveSavesQuorum;
import org.lectern.node.cluster.NodeLifecycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * HAProxy's {@code agent-check} endpoint: a TCP port that answers every connection with one line ({@link
 * AgentAnswer}) and closes it, so weight and drain reach the load balancer within one agent interval, without a
 * reload. Bound to the cluster interface only, next to the member port.
 */
@Component
class AgentCheckServer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AgentCheckServer.class);
    /** How long a peer may keep the connection open after the answer before it is closed on it. */
    private static final int LINGER_MILLIS = 1000;
    private static final int HANDLERS = 2;
    private static final int QUEUED_CONNECTIONS = 32;
    /** Nothing HAProxy sends ({@code agent-send}) is longer; more is not read. */
    private static final int MAX_REQUEST_BYTES = 1024;

    private final BalancerProperties balancer;
    private final ClusterProperties cluster;
    private final NodeLifecycle lifecycle;
    private final WeightControl weight;
    private final LiveSavesQuorum quorum;
    private volatile ServerSocket server;
    private volatile ExecutorService executor;

    AgentCheckServer(BalancerProperties balancer, ClusterProperties cluster, NodeLifecycle lifecycle,
            WeightControl weight, LiveSavesQuorum quorum) {
        this.balancer = balancer;
        this.cluster = cluster;
        this.lifecycle = lifecycle;
        this.weight = weight;
        this.quorum = quorum;
    }

    /** The line a connection gets now. */
    String answer() {
        return AgentAnswer.of(lifecycle.state(), weight.weight(), quorum.present());
    }

    /** The port the agent listens on, or 0 when it does not run. */
    int port() {
        ServerSocket socket = server;
        return socket == null ? 0 : socket.getLocalPort();
    }

    @Override
    public synchronized void start() {
        if (balancer.agentPort() == 0 || server != null) {
            return;
        }
        try {
            ServerSocket socket = new ServerSocket();
            socket.bind(new InetSocketAddress(InetAddress.getByName(cluster.bindInterface()), balancer.agentPort()));
            server = socket;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen for HAProxy's agent-check on " + cluster.bindInterface()
                    + ":" + balancer.agentPort(), e);
        }
        executor = new ThreadPoolExecutor(HANDLERS + 1, HANDLERS + 1, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(QUEUED_CONNECTIONS), named("lectern-agent-check-"));
        executor.execute(this::acceptLoop);
        log.info("HAProxy agent-check listening on {}:{}", cluster.bindInterface(), port());
    }

    private void acceptLoop() {
        ServerSocket socket = server;
        while (socket != null && !socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                try {
                    executor.execute(() -> answer(connection));
                } catch (RejectedExecutionException e) {
                    closeQuietly(connection); // flooded: HAProxy treats a failed agent check as "no news"
                }
            } catch (SocketException e) {
                return; // closed by stop()
            } catch (IOException e) {
                log.warn("Agent-check accept failed: {}", e.toString());
            }
        }
    }

    private void answer(Socket connection) {
        try (connection) {
            connection.setSoTimeout(LINGER_MILLIS);
            OutputStream out = connection.getOutputStream();
            out.write((answer() + "\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            connection.shutdownOutput();
            // Read what the peer sent (agent-send) until it closes: closing on unread bytes would reset the
            // connection, and a reset may discard the answer before HAProxy reads it.
            InputStream in = connection.getInputStream();
            byte[] buffer = new byte[MAX_REQUEST_BYTES];
            int total = 0;
            int read;
            while (total < MAX_REQUEST_BYTES && (read = in.read(buffer)) != -1) {
                total += read;
            }
        } catch (IOException e) {
            log.debug("Agent-check connection ended: {}", e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        ServerSocket socket = server;
        server = null;
        if (socket != null) {
            closeQuietly(socket);
            executor.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return server != null;
    }

    /**
     * First to start and last to stop (phases stop from the highest), so the agent says {@code maint} while the
     * rest of the node starts or shuts down.
     */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1;
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            log.debug("Close failed: {}", e.toString());
        }
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
