package org.lectern.node.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.lectern.node.balancer.WeightControl;
import org.lectern.shared.cluster.NodeState;
import org.lectern.shared.cluster.NodeStatus;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.support.StaticApplicationContext;

class NodeStatusPublisherTest {

    private final RecordingBoard board = new RecordingBoard();
    private boolean brokerConnected = true;
    private Duration flushLag = Duration.ZERO;
    private final NodeLifecycle lifecycle = new NodeLifecycle();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-20T10:00:00Z"), ZoneOffset.UTC);
    private final NodeStatusPublisher publisher = new NodeStatusPublisher(board, new NodeProperties("node-7", 3),
            new ClusterProperties("lectern", "10.0.0.7", 5701, List.of("10.0.0.7:5701"), Duration.ofSeconds(2), List.of()),
            lifecycle, new FixedWeight(3), () -> this.brokerConnected, new StaticListableBeanFactory().getBeanProvider(BuildProperties.class),
            new StaticListableBeanFactory().getBeanProvider(Flyway.class),
            new StaticListableBeanFactory().getBeanProvider(StatusSources.Load.class),
            new StaticListableBeanFactory().getBeanProvider(StatusSources.Replicas.class),
            new StaticListableBeanFactory().getBeanProvider(StatusSources.SchedulerOwner.class),
            flushLagSource().getBeanProvider(StatusSources.FlushLag.class), clock);

    @Nested
    class BeforeTheWebServerStarted {

        @Test
        void shouldPublishNothing() {
            publisher.publish();

            assertThat(board.published).isEmpty();
        }
    }

    @Nested
    class WhenServing {

        @Test
        void shouldPublishReadyWithItsIdentityAndATimeToLiveOfThreeIntervals() {
            ready();

            publisher.announceHttpAddress("10.0.0.7:8080");

            assertThat(board.published).hasSize(1);
            NodeStatus status = board.published.get(0);
            assertThat(status.nodeId()).isEqualTo("node-7");
            assertThat(status.memberUuid()).isEqualTo("member-uuid");
            assertThat(status.httpAddress()).isEqualTo("10.0.0.7:8080");
            assertThat(status.weight()).isEqualTo(3);
            assertThat(status.state()).isEqualTo(NodeState.READY);
            assertThat(status.version()).isEqualTo("development");
            assertThat(status.publishedAt()).isEqualTo(clock.instant());
            assertThat(board.timeToLive).isEqualTo(Duration.ofSeconds(6));
            assertThat(status.brokerConnected()).isTrue();
        }

        @Test
        void shouldSayWhenItsBrokerIsUnreachable() {
            brokerConnected = false;

            publisher.announceHttpAddress("10.0.0.7:8080");

            assertThat(board.published).extracting(NodeStatus::brokerConnected).containsExactly(false);
        }

        @Test
        void shouldSayStartingWhileNotYetAcceptingTraffic() {
            publisher.announceHttpAddress("10.0.0.7:8080");

            assertThat(board.published).extracting(NodeStatus::state).containsExactly(NodeState.STARTING);
        }

        @Test
        void shouldPublishTheStateItsLifecycleIsIn() {
            ready();
            lifecycle.moveTo(NodeState.DRAINING);

            publisher.announceHttpAddress("10.0.0.7:8080");

            assertThat(board.published).extracting(NodeStatus::state).containsExactly(NodeState.DRAINING);
        }

        @Test
        void shouldRepublishOnEveryInterval() {
            publisher.announceHttpAddress("10.0.0.7:8080");
            publisher.publish();

            assertThat(board.published).hasSize(2);
        }

        @Test
        void shouldPublishHowLateItsLiveSavesReachTheDatabase() {
            flushLag = Duration.ofMillis(4_250);

            publisher.announceHttpAddress("10.0.0.7:8080");

            assertThat(board.published).extracting(NodeStatus::flushLagMillis).containsExactly(4_250L);
        }

        @Test
        void shouldKeepPublishingOnItsOwnThreadOnceStarted() {
            publisher.announceHttpAddress("10.0.0.7:8080");
            publisher.start();
            try {
                await().atMost(Duration.ofSeconds(10)).until(() -> board.published.size() >= 3);
            } finally {
                publisher.stop();
            }
            assertThat(publisher.isRunning()).isFalse();
        }

        @Test
        void shouldKeepServingWhenTheBoardIsUnreachable() {
            board.failing = true;

            publisher.announceHttpAddress("10.0.0.7:8080");

            assertThat(board.published).isEmpty();
        }
    }

    @Nested
    class WhenStopping {

        @Test
        void shouldWithdrawItsStatus() {
            publisher.withdraw();

            assertThat(board.withdrawn).containsExactly("node-7");
        }
    }

    private StaticListableBeanFactory flushLagSource() {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("flushLag", (StatusSources.FlushLag) () -> flushLag);
        return beans;
    }

    private void ready() {
        StaticApplicationContext context = new StaticApplicationContext();
        lifecycle.onReadiness(new AvailabilityChangeEvent<>(context, ReadinessState.ACCEPTING_TRAFFIC));
    }

    private record FixedWeight(int weight) implements WeightControl {
        @Override
        public void setWeight(int weight) {
            throw new UnsupportedOperationException();
        }
    }

    /** The board, in memory: enough to see what the publisher pins and withdraws. */
    private static final class RecordingBoard implements NodeStatusBoard {
        final List<NodeStatus> published = new CopyOnWriteArrayList<>();
        final List<String> withdrawn = new ArrayList<>();
        volatile Duration timeToLive;
        volatile boolean failing;

        @Override
        public void publish(NodeStatus status, Duration timeToLive) {
            if (failing) {
                throw new IllegalStateException("cluster unreachable");
            }
            published.add(status);
            this.timeToLive = timeToLive;
        }

        @Override
        public void withdraw(String nodeId) {
            withdrawn.add(nodeId);
        }

        @Override
        public Collection<NodeStatus> all() {
            return published;
        }

        @Override
        public String localMemberId() {
            return "member-uuid";
        }
    }
}
