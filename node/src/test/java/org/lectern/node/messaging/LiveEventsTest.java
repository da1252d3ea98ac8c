package org.lectern.node.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lectern.shared.topics.TopicRegistry;

class LiveEventsTest {

    private final ReliableMessaging messaging = mock(ReliableMessaging.class);
    private final List<Object> published = new CopyOnWriteArrayList<>();
    private final LiveEvents live = new LiveEvents(messaging, Clock.systemUTC());

    LiveEventsTest() {
        doAnswer(call -> {
            published.add(call.getArgument(1));
            return CompletableFuture.completedFuture(null);
        }).when(messaging).publishAsync(anyString(), any());
    }

    @AfterEach
    void stop() {
        live.stop();
    }

    @Test
    void shouldJoinAsksWithinTheIntervalAndPublishTheLatestState() {
        AtomicInteger saves = new AtomicInteger();
        for (int i = 0; i < 5; i++) {
            saves.incrementAndGet();
            live.publishThrottled("/topic/quizzes/1/statistics", Duration.ofSeconds(1), saves::get);
        }

        // The first ask publishes at once (it may already see later saves), the rest at most once after a second.
        await().atMost(Duration.ofSeconds(5)).until(() -> !published.isEmpty() && published.get(published.size() - 1)
                .equals(5));
        assertThat(published).hasSizeBetween(1, 2);
    }

    @Test
    void shouldNeverFailTheCallerWhenPublishingFails() {
        doThrow(new IllegalStateException("cluster gone")).when(messaging).publishAsync(eq("/topic/system"), any());
        doReturn(CompletableFuture.failedFuture(new IllegalStateException("log unreachable"))).when(messaging)
                .publishAsync(eq("/user/alice/queue/results"), any());

        assertThatCode(() -> {
            live.publishAfterCommit("/topic/system", "hello");
            live.publishToUserAfterCommit("alice", TopicRegistry.RESULTS, "result");
        }).doesNotThrowAnyException();
        verify(messaging).publishAsync("/user/alice/queue/results", "result");
    }

    @Test
    void shouldAddressAPersonalDestinationToItsUser() {
        live.publishToUserAfterCommit("alice", TopicRegistry.RESULTS, "result");

        assertThat(published).containsExactly("result");
        verify(messaging).publishAsync("/user/alice/queue/results", "result");
    }
}
