package org.lectern.packaging.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small exam-day load for tests of operations on a local cluster: each student logs in through HAProxy and saves
 * a text answer about every 0.6 s (under the default 120 saves a minute), each save with a text of its own, obeying
 * a 503's {@code Retry-After} as the browser does (a save retried so is queued, not failed). Records the last text
 * each node acknowledged per student and every request that failed.
 */
final class SavingStudents implements AutoCloseable {

    private static final int TEXT_EXERCISE = 2;
    private static final Duration PACE = Duration.ofMillis(600);
    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");

    private final LocalCluster cluster;
    private final HttpClient http;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final Map<String, String> lastAcknowledged = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> acknowledged = new ConcurrentHashMap<>();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    /** The node that acknowledged each save (X-Lectern-Server), in the order they were acknowledged. */
    private final List<String> servedBy = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;

    private SavingStudents(LocalCluster cluster) throws Exception {
        this.cluster = cluster;
        this.http = ClusterCertificate.trustingClient(cluster.layout());
    }

    static SavingStudents start(LocalCluster cluster, List<String> logins) throws Exception {
        SavingStudents students = new SavingStudents(cluster);
        for (String login : logins) {
            students.tokens.put(login, students.login(login));
            students.acknowledged.put(login, new AtomicInteger());
        }
        for (String login : logins) {
            Thread thread = new Thread(() -> students.saveUntilStopped(login), "saving-" + login);
            thread.setDaemon(true);
            students.threads.add(thread);
            thread.start();
        }
        return students;
    }

    List<String> logins() {
        return List.copyOf(tokens.keySet());
    }

    /** The fewest saves any one student has had acknowledged so far. */
    int fewestAcknowledged() {
        return acknowledged.values().stream().mapToInt(AtomicInteger::get).min().orElse(0);
    }

    /** The nodes that acknowledged the saves, from the {@code from}-th acknowledged save on. */
    List<String> servedBy(int from) {
        List<String> all = List.copyOf(servedBy);
        return all.subList(Math.min(from, all.size()), all.size());
    }

    String lastAcknowledged(String login) {
        return lastAcknowledged.get(login);
    }

    /** Every request that neither succeeded nor was answered 503 with {@code Retry-After}, with what came back. */
    List<String> failures() {
        return List.copyOf(failures);
    }

    /** The participation the cluster now returns to the student (their stored answer inside). */
    String participation(String login) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(front("/api/exercises/" + TEXT_EXERCISE
                + "/participation")).header("Authorization", "Bearer " + tokens.get(login))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() + " " + response.body();
    }

    /** Stops saving and waits for every save in flight to be answered. */
    void stop() throws InterruptedException {
        running = false;
        for (Thread thread : threads) {
            thread.join(Duration.ofSeconds(60).toMillis());
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    private String login(String login) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(front("/api/auth/login"))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + login + "\",\"password\":\"demo\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        Matcher token = TOKEN.matcher(response.body());
        if (response.statusCode() != 200 || !token.find()) {
            throw new IllegalStateException(login + " could not log in: " + response.statusCode() + " "
                    + response.body());
        }
        return token.group(1);
    }

    private void saveUntilStopped(String login) {
        int n = 0;
        while (running) {
            n++;
            String text = login + " save " + n;
            HttpRequest save = HttpRequest.newBuilder(front("/api/exercises/" + TEXT_EXERCISE + "/submission"))
                    .header("Authorization", "Bearer " + tokens.get(login))
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", login + "-" + n)
                    .timeout(Duration.ofSeconds(30))
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"text\":\"" + text + "\"}"))
                    .build();
            try {
                HttpResponse<String> response = http.send(save, HttpResponse.BodyHandlers.ofString());
                while (response.statusCode() == 503 && response.headers().firstValue("Retry-After").isPresent()) {
                    // The wait the server asked for, as a browser obeys it; not a wait for a condition.
                    Thread.sleep(Duration.ofSeconds(Long.parseLong(response.headers().firstValue("Retry-After")
                            .get())).toMillis());
                    response = http.send(save, HttpResponse.BodyHandlers.ofString());
                }
                if (response.statusCode() == 200) {
                    servedBy.add(response.headers().firstValue("X-Lectern-Server").orElse("?"));
                    lastAcknowledged.put(login, text);
                    acknowledged.get(login).incrementAndGet();
                } else {
                    failures.add(text + ": " + response.statusCode() + " " + response.body());
                }
                // The students' pace, not a wait for a condition.
                Thread.sleep(PACE.toMillis());
            } catch (IOException e) {
                failures.add(text + ": " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private URI front(String path) {
        return URI.create(cluster.frontUrl() + path);
    }
}
