package org.lectern.bench;

import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * At most {@code limit} requests of the generator in flight at once, the others waiting their turn in arrival
 * order without holding a thread. The generator's students share one HTTP/1.1 client, which opens a TLS connection
 * for every request in flight beyond the ones it holds open: a hall answering a quiz in the same second made it open
 * a thousand at once, whose handshakes on the cluster's own two cores timed out and failed the requests
 * (docs/performance.md). Bounded, the pool's connections stay open and are reused, as each browser of a real hall
 * reuses its own. Written here because neither the JDK nor the bench's libraries offer a semaphore that waits
 * without blocking a thread.
 */
final class InFlightLimit {

    private final Semaphore permits;
    private final int limit;
    private final Executor executor;
    private final Queue<Runnable> waiting = new ConcurrentLinkedQueue<>();
    private final LongAdder waited = new LongAdder();

    /** @param executor where a request that waited is sent from, once a permit is free */
    InFlightLimit(int limit, Executor executor) {
        if (limit < 1) {
            throw new IllegalArgumentException("an in-flight limit needs at least 1, got " + limit);
        }
        this.permits = new Semaphore(limit);
        this.limit = limit;
        this.executor = executor;
    }

    int limit() {
        return limit;
    }

    /** Requests that could not start at once and waited for another one to end. */
    long waited() {
        return waited.sum();
    }

    /** Starts {@code request} now if a permit is free, else when one is; the permit is returned when it completes. */
    <T> CompletableFuture<T> submit(Supplier<CompletableFuture<T>> request) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Runnable start = () -> {
            CompletableFuture<T> sent;
            try {
                sent = request.get();
            } catch (RuntimeException e) {
                sent = CompletableFuture.failedFuture(e);
            }
            sent.whenComplete((value, failure) -> {
                release();
                if (failure != null) {
                    result.completeExceptionally(failure);
                } else {
                    result.complete(value);
                }
            });
        };
        // Not ahead of requests already waiting, though a permit may be free for a moment before one takes it.
        if (waiting.isEmpty() && permits.tryAcquire()) {
            start.run();
        } else {
            waited.increment();
            waiting.add(start);
            drain();
        }
        return result;
    }

    private void release() {
        permits.release();
        drain();
    }

    /**
     * Hands free permits to waiting requests. A request added while the last permit is released is not stranded:
     * either its own drain sees the permit or the releasing drain sees the request.
     */
    private void drain() {
        while (!waiting.isEmpty() && permits.tryAcquire()) {
            Runnable next = waiting.poll();
            if (next == null) {
                permits.release();
            } else {
                executor.execute(next);
            }
        }
    }
}
