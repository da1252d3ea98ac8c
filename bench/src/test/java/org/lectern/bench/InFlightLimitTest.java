package org.lectern.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The generator's bound on requests in flight: never more at once, every request sent in the end, in order. */
class InFlightLimitTest {

    private final ExecutorService executor = Executors.newFixedThreadPool(4);

    @AfterEach
    void stop() throws InterruptedException {
        executor.shutdownNow();
        assertThat(executor.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void shouldStartRequestsBeyondTheLimitOnlyWhenEarlierOnesEndInTheOrderTheyCame() {
        InFlightLimit limit = new InFlightLimit(2, executor);
        List<CompletableFuture<String>> answers = new ArrayList<>();
        List<Integer> started = new CopyOnWriteArrayList<>();
        List<CompletableFuture<String>> results = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            CompletableFuture<String> answer = new CompletableFuture<>();
            answers.add(answer);
            int request = i;
            results.add(limit.submit(() -> {
                started.add(request);
                return answer;
            }));
        }

        assertThat(started).containsExactly(0, 1);
        assertThat(limit.waited()).isEqualTo(3);

        answers.get(1).complete("one");
        await().atMost(Duration.ofSeconds(10)).until(() -> started.size() == 3);
        assertThat(started).containsExactly(0, 1, 2);
        answers.get(0).complete("zero");
        answers.get(2).complete("two");
        await().atMost(Duration.ofSeconds(10)).until(() -> started.size() == 5);
        assertThat(started).containsExactly(0, 1, 2, 3, 4);
        answers.get(3).complete("three");
        answers.get(4).complete("four");

        assertThat(results).extracting(CompletableFuture::join).containsExactly("zero", "one", "two", "three", "four");
    }

    @Test
    void shouldReturnThePermitOfAFailedRequestAndHandOnItsFailure() {
        InFlightLimit limit = new InFlightLimit(1, executor);
        CompletableFuture<String> refused = limit.submit(
                () -> CompletableFuture.failedFuture(new IllegalStateException("connection refused")));
        CompletableFuture<String> thrown = limit.submit(() -> {
            throw new IllegalArgumentException("bad request");
        });
        CompletableFuture<String> next = limit.submit(() -> CompletableFuture.completedFuture("sent"));

        assertThatThrownBy(refused::get).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(IllegalStateException.class);
        assertThatThrownBy(thrown::get).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(IllegalArgumentException.class);
        assertThat(next.join()).isEqualTo("sent");
    }

    @Test
    void shouldNeverHaveMoreInFlightThanTheLimitAndSendEveryRequestWhenManyThreadsSubmitAtOnce() {
        InFlightLimit limit = new InFlightLimit(3, executor);
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        ExecutorService answering = Executors.newFixedThreadPool(3);
        try {
            List<CompletableFuture<Integer>> results = new CopyOnWriteArrayList<>();
            List<CompletableFuture<Void>> submitters = new ArrayList<>();
            for (int thread = 0; thread < 4; thread++) {
                submitters.add(CompletableFuture.runAsync(() -> {
                    for (int i = 0; i < 250; i++) {
                        int request = i;
                        results.add(limit.submit(() -> {
                            most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                            return CompletableFuture.supplyAsync(() -> {
                                inFlight.decrementAndGet();
                                return request;
                            }, answering);
                        }));
                    }
                }, executor));
            }
            submitters.forEach(CompletableFuture::join);

            await().atMost(Duration.ofSeconds(30)).until(() -> results.stream().allMatch(CompletableFuture::isDone));
            assertThat(results).hasSize(1_000).allMatch(result -> !result.isCompletedExceptionally());
            assertThat(most.get()).isBetween(1, 3);
        } finally {
            answering.shutdownNow();
        }
    }

    @Test
    void shouldRefuseALimitBelowOne() {
        assertThatThrownBy(() -> new InFlightLimit(0, executor)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1");
    }
}
