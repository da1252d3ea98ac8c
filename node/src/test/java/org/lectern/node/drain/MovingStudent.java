package org.lectern.node.drain;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.lectern.node.support.DemoWork;
import org.lectern.node.support.StompTestClient;
import org.lectern.shared.realtime.ControlMessage;
import org.lectern.shared.realtime.ControlType;
import org.lectern.shared.realtime.Realtime;
import org.lectern.shared.topics.Destinations;

/**
 * A student's browser as the reliability protocol asks it to behave: connected to one node, saving there every
 * {@code interval}; told to reconnect elsewhere, it waits a random delay within the window, then connects through
 * the balancer, which here means to the other node, and saves there from then on.
 */
final class MovingStudent implements AutoCloseable {

    private final String token;
    private final long exerciseId;
    private final int elsewherePort;
    private final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor();
    private final AtomicInteger savedHere = new AtomicInteger();
    private final AtomicInteger savedElsewhere = new AtomicInteger();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private volatile int port;
    private volatile StompTestClient connection;
    private volatile BlockingQueue<ControlMessage> control;
    private volatile long moveAtMillis = Long.MAX_VALUE;
    private volatile boolean told;

    MovingStudent(String token, long exerciseId, int port, int elsewherePort) throws Exception {
        this.token = token;
        this.exerciseId = exerciseId;
        this.port = port;
        this.elsewherePort = elsewherePort;
        connect(port);
    }

    private void connect(int to) throws Exception {
        connection = StompTestClient.connect(to, token);
        control = connection.subscribe(Destinations.subscriptionFor(Realtime.CONTROL_QUEUE), ControlMessage.class);
    }

    void startSaving(long intervalMillis) {
        loop.scheduleWithFixedDelay(this::tick, 0, intervalMillis, TimeUnit.MILLISECONDS);
    }

    private void tick() {
        try {
            ControlMessage message = control.poll();
            if (message != null && message.type() == ControlType.RECONNECT_ELSEWHERE && !told) {
                told = true;
                moveAtMillis = System.currentTimeMillis()
                        + ThreadLocalRandom.current().nextLong(message.reconnectWithinMillis() + 1);
            }
            if (System.currentTimeMillis() >= moveAtMillis) {
                moveAtMillis = Long.MAX_VALUE;
                connection.close();
                port = elsewherePort;
                connect(port);
            }
            int saveOn = port;
            int status = DemoWork.saveTextStatus(saveOn, token, exerciseId, "version at " + System.nanoTime());
            if (status / 100 != 2) {
                failures.add("save on port " + saveOn + " answered " + status);
            } else if (saveOn == elsewherePort) {
                savedElsewhere.incrementAndGet();
            } else {
                savedHere.incrementAndGet();
            }
        } catch (Exception e) {
            failures.add(e.toString());
        }
    }

    boolean wasTold() {
        return told;
    }

    boolean movedElsewhere() {
        return port == elsewherePort;
    }

    int savedHere() {
        return savedHere.get();
    }

    int savedElsewhere() {
        return savedElsewhere.get();
    }

    List<String> failures() {
        return List.copyOf(failures);
    }

    @Override
    public void close() {
        loop.shutdownNow();
        try {
            loop.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        connection.close();
    }
}
