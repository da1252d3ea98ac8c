package org.lectern.node.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.core.HazelcastInstance;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.lectern.node.assessment.AssessmentType;
import org.lectern.node.assessment.Result;
import org.lectern.node.assessment.ResultService;
import org.lectern.node.cluster.NodeLifecycle;
import org.lectern.node.course.CourseRole;
import org.lectern.node.exercise.Exercise;
import org.lectern.node.exercise.ExerciseCatalog;
import org.lectern.node.exercise.ParticipationService;
import org.lectern.node.quiz.QuestionType;
import org.lectern.node.quiz.QuizAnswer;
import org.lectern.node.quiz.QuizAnswers;
import org.lectern.node.quiz.QuizEvaluator;
import org.lectern.node.quiz.QuizRequest;
import org.lectern.node.quiz.QuizService;
import org.lectern.node.quiz.QuizView;
import org.lectern.node.support.PostgresDatabases;
import org.lectern.node.support.TestData;
import org.lectern.node.support.TestNodes;
import org.lectern.node.user.CurrentUser;
import org.lectern.node.user.UserSummary;
import org.lectern.shared.cluster.ClusterStructures;
import org.lectern.shared.cluster.NodeState;
import org.lectern.shared.scheduling.ScheduledTaskView;
import org.lectern.shared.scheduling.SchedulerOwnership;
import org.lectern.shared.scheduling.TaskState;
import org.lectern.shared.testing.FreePorts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Three nodes in one JVM, one cluster, one PostgreSQL database of their own, one broker (node A's). The scheduler's
 * ownership moves when its owner drains, a live quiz is evaluated exactly once by the next owner when the owner is
 * killed seconds before the quiz ends, and tasks that became due while no node could own the scheduler run as soon
 * as one can. The tests build on each other, in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SchedulerFailoverIT {

    private static final Logger LOG = LoggerFactory.getLogger(SchedulerFailoverIT.class);

    /** The fastest a quiz may be (QuizRequest), so the test waits as little real time as it can. */
    private static final int QUIZ_SECONDS = 10;
    private static final Duration GRACE = Duration.ofSeconds(5);

    @TempDir
    static Path dataDir;

    private static ConfigurableApplicationContext nodeA;
    private static ConfigurableApplicationContext nodeB;
    private static ConfigurableApplicationContext nodeC;

    @BeforeAll
    static void startCluster() {
        String database = PostgresDatabases.create("scheduler_failover_" + Math.abs(System.nanoTime() % 1_000_000_000));
        int[] memberPorts = {FreePorts.next(), FreePorts.next(), FreePorts.next()};
        Map<String, Object> shared = new HashMap<>();
        shared.put("lectern.cluster.name", "scheduler-failover-" + memberPorts[0]);
        shared.put("lectern.cluster.members", "127.0.0.1:" + memberPorts[0] + ",127.0.0.1:" + memberPorts[1]
                + ",127.0.0.1:" + memberPorts[2]);
        shared.put("lectern.broker.stomp-port", FreePorts.next());
        shared.put("spring.datasource.url", database);
        shared.put("spring.datasource.username", "postgres");
        shared.put("spring.datasource.password", "postgres");
        nodeA = TestNodes.start("node-a", dataDir, node(shared, memberPorts[0], true));
        nodeB = TestNodes.start("node-b", dataDir, node(shared, memberPorts[1], false));
        nodeC = TestNodes.start("node-c", dataDir, node(shared, memberPorts[2], false));
    }

    @AfterAll
    static void stopCluster() {
        for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[] {nodeC, nodeB, nodeA}) {
            if (node != null && node.isActive()) {
                node.close();
            }
        }
    }

    @Test
    @Order(1)
    void shouldMoveOwnershipToTheNextNodeWhenTheOwnerStartsDraining() {
        await().atMost(Duration.ofSeconds(30)).until(() -> scheduler(nodeA).isLocalOwner()
                && members(nodeC) == 3 && ownerSeenBy(nodeB).equals("node-a") && ownerSeenBy(nodeC).equals("node-a"));
        long epoch = scheduler(nodeA).ownership().orElseThrow().epoch();

        Instant drained = Instant.now();
        nodeA.getBean(NodeLifecycle.class).moveTo(NodeState.DRAINING);

        await().atMost(Duration.ofSeconds(5)).until(() -> scheduler(nodeB).isLocalOwner());
        LOG.info("Scheduler hand-over on drain took {} ms",
                Duration.between(drained, Instant.now()).toMillis());
        assertThat(scheduler(nodeA).isLocalOwner()).isFalse();
        assertThat(scheduler(nodeC).isLocalOwner()).isFalse();
        SchedulerOwnership now = scheduler(nodeB).ownership().orElseThrow();
        assertThat(now.ownerNodeId()).isEqualTo("node-b");
        assertThat(now.epoch()).isEqualTo(epoch + 1);
        assertThat(history(nodeC).get(epoch + 1)).isEqualTo(now);
        assertThat(ownerGauge(nodeB)).isEqualTo(1.0);
        assertThat(ownerGauge(nodeA)).isZero();

        // Back from the drain, node A does not take the scheduler back: a working owner keeps it.
        nodeA.getBean(NodeLifecycle.class).moveTo(NodeState.READY);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                .until(() -> scheduler(nodeB).isLocalOwner() && !scheduler(nodeA).isLocalOwner());
    }

    @Test
    @Order(2)
    void shouldEvaluateTheQuizOnceOnTheNextOwnerWhenTheOwnerDiesJustBeforeTheQuizEnds() {
        assertThat(scheduler(nodeB).isLocalOwner()).isTrue();
        long ownerEpoch = scheduler(nodeB).ownership().orElseThrow().epoch();
        TestData fixtures = nodeC.getAutowireCapableBeanFactory().createBean(TestData.class);
        QuizService quizzes = nodeC.getBean(QuizService.class);
        long courseId = fixtures.newCourse();
        QuizView quiz = quizzes.start(quizzes.create(courseId, oneQuestionQuiz()).id());
        List<CurrentUser> students = List.of(student(fixtures, courseId), student(fixtures, courseId),
                student(fixtures, courseId));
        long right = quiz.questions().get(0).options().get(0).id();
        long wrong = quiz.questions().get(0).options().get(1).id();
        for (int i = 0; i < students.size(); i++) {
            long option = i == 0 ? wrong : right;
            quizzes.save(quiz.id(), students.get(i), "k1", new QuizAnswers(
                    List.of(new QuizAnswer(quiz.questions().get(0).id(), List.of(option), null))));
        }
        Instant dueAt = quiz.endsAt().plus(GRACE);

        // Seconds before the quiz ends, the owner dies without a word to anyone.
        await().atMost(Duration.ofSeconds(QUIZ_SECONDS + 5)).until(() -> Instant.now().isAfter(quiz.endsAt()
                .minusSeconds(3)));
        long killedAt = System.currentTimeMillis();
        nodeB.getBean(HazelcastInstance.class).getLifecycleService().terminate();
        nodeB.close();
        await().atMost(Duration.ofSeconds(10)).until(() -> scheduler(nodeA).isLocalOwner());
        LOG.info("Node A took the scheduler over {} ms after node B was killed",
                scheduler(nodeA).ownership().orElseThrow().sinceMillis() - killedAt);

        ExerciseCatalog exercises = nodeA.getBean(ExerciseCatalog.class);
        await().atMost(Duration.ofSeconds(QUIZ_SECONDS + 30))
                .until(() -> exercises.get(quiz.id()).getQuizEvaluatedAt() != null);
        Exercise evaluated = exercises.get(quiz.id());
        Duration late = Duration.between(dueAt, evaluated.getQuizEvaluatedAt());
        LOG.info("Quiz evaluated {} ms after it was due, by the next owner", late.toMillis());
        assertThat(late).isLessThan(Duration.ofSeconds(5));

        ScheduledTaskView task = nodeA.getBean(ScheduledTasks.class)
                .find(QuizEvaluator.QUIZ_END, Long.toString(quiz.id())).orElseThrow();
        assertThat(task.state()).isEqualTo(TaskState.DONE);
        assertThat(task.lastRunNodeId()).isEqualTo("node-a");
        assertThat(task.lastRunEpoch()).isGreaterThan(ownerEpoch);
        // The runner counts a run after its transaction commits, so the count may follow the DONE row by a moment.
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(runs(nodeA) + runs(nodeC)).isEqualTo(1.0));
        ParticipationService participations = nodeA.getBean(ParticipationService.class);
        ResultService results = nodeA.getBean(ResultService.class);
        for (int i = 0; i < students.size(); i++) {
            long participationId = participations.existingParticipation(evaluated, students.get(i).id(), false)
                    .orElseThrow().getId();
            List<Result> recorded = results.ofParticipation(participationId);
            assertThat(recorded).hasSize(1);
            assertThat(recorded.get(0).getAssessmentType()).isEqualTo(AssessmentType.AUTOMATIC);
            assertThat(recorded.get(0).getScore()).isEqualByComparingTo(i == 0 ? "0" : "2");
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                nodeC.getBean(HazelcastInstance.class).<String, ScheduledTaskView>getMap(
                        ClusterStructures.SCHEDULED_TASKS).get(task.taskId()))
                .extracting(ScheduledTaskView::state, ScheduledTaskView::lastRunNodeId)
                .containsExactly(TaskState.DONE, "node-a"));
    }

    @Test
    @Order(3)
    void shouldRunWhatBecameDueWhileNoNodeCouldOwnTheSchedulerWhenOneCan() {
        await().atMost(Duration.ofSeconds(10)).until(() -> scheduler(nodeA).isLocalOwner());
        nodeC.getBean(NodeLifecycle.class).moveTo(NodeState.DRAINING);
        nodeA.getBean(NodeLifecycle.class).moveTo(NodeState.DRAINING);
        await().atMost(Duration.ofSeconds(5)).until(() -> ownerSeenBy(nodeC).isEmpty());
        ScheduledTasks tasks = nodeC.getBean(ScheduledTasks.class);
        TestData fixtures = nodeC.getAutowireCapableBeanFactory().createBean(TestData.class);
        QuizService quizzes = nodeC.getBean(QuizService.class);
        QuizView quiz = quizzes.start(quizzes.create(fixtures.newCourse(), oneQuestionQuiz()).id());
        Instant dueAt = quiz.endsAt().plus(GRACE);

        await().atMost(Duration.ofSeconds(QUIZ_SECONDS + 10)).until(() -> Instant.now().isAfter(dueAt.plusSeconds(2)));
        assertThat(tasks.find(QuizEvaluator.QUIZ_END, Long.toString(quiz.id())).orElseThrow().state())
                .isEqualTo(TaskState.SCHEDULED);

        Instant ready = Instant.now();
        nodeC.getBean(NodeLifecycle.class).moveTo(NodeState.READY);

        await().atMost(Duration.ofSeconds(5)).until(() ->
                tasks.find(QuizEvaluator.QUIZ_END, Long.toString(quiz.id())).orElseThrow().state() == TaskState.DONE);
        LOG.info("Overdue task ran {} ms after a node could own the scheduler",
                Duration.between(ready, Instant.now()).toMillis());
        assertThat(tasks.find(QuizEvaluator.QUIZ_END, Long.toString(quiz.id())).orElseThrow().lastRunNodeId())
                .isEqualTo("node-c");
        assertThat(scheduler(nodeC).isLocalOwner()).isTrue();
    }

    private static Map<String, Object> node(Map<String, Object> shared, int memberPort, boolean embeddedBroker) {
        Map<String, Object> settings = new HashMap<>(shared);
        settings.put("lectern.cluster.port", memberPort);
        settings.put("lectern.broker.embedded", embeddedBroker);
        return settings;
    }

    private static QuizRequest oneQuestionQuiz() {
        return new QuizRequest("Failover quiz", QUIZ_SECONDS, null, List.of(new QuizRequest.Question(
                QuestionType.SINGLE_CHOICE, "Which fruit is yellow?", BigDecimal.valueOf(2),
                List.of(new QuizRequest.Option("Banana", true), new QuizRequest.Option("Cherry", false)))));
    }

    private static CurrentUser student(TestData fixtures, long courseId) {
        UserSummary user = fixtures.newMember(courseId, CourseRole.STUDENT);
        return new CurrentUser(user.id(), user.login(), false);
    }

    private static DurableScheduler scheduler(ConfigurableApplicationContext node) {
        return node.getBean(DurableScheduler.class);
    }

    private static String ownerSeenBy(ConfigurableApplicationContext node) {
        return scheduler(node).ownership().map(SchedulerOwnership::ownerNodeId).orElse("");
    }

    private static int members(ConfigurableApplicationContext node) {
        return node.getBean(HazelcastInstance.class).getCluster().getMembers().size();
    }

    private static Map<Long, SchedulerOwnership> history(ConfigurableApplicationContext node) {
        return Map.copyOf(node.getBean(HazelcastInstance.class).<Long, SchedulerOwnership>getMap(
                ClusterStructures.SCHEDULER_HISTORY));
    }

    private static double ownerGauge(ConfigurableApplicationContext node) {
        return node.getBean(MeterRegistry.class).get("lectern.scheduler.owner").gauge().value();
    }

    private static double runs(ConfigurableApplicationContext node) {
        Counter counter = node.getBean(MeterRegistry.class).find("lectern.scheduler.task.runs")
                .tag("kind", QuizEvaluator.QUIZ_END).counter();
        return counter == null ? 0 : counter.count();
    }
}
