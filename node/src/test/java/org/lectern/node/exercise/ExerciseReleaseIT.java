package org.lectern.node.exercise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lectern.node.exercise.CourseSetup.exerciseJson;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lectern.node.scheduling.DurableScheduler;
import org.lectern.node.scheduling.ScheduledTasks;
import org.lectern.node.support.LecternClient;
import org.lectern.node.support.NodeIntegrationTest;
import org.lectern.node.support.TestData;
import org.lectern.shared.scheduling.ScheduledTaskView;
import org.lectern.shared.scheduling.TaskState;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The course's members hear of an exercise when its release date comes: an {@code exercise.release} task, moved
 * with the date and withdrawn with it. The scheduler is asked to run what is due at the release date.
 */
class ExerciseReleaseIT extends NodeIntegrationTest {

    private static final Instant RELEASE = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

    @Autowired
    TestData fixtures;

    @Autowired
    DurableScheduler scheduler;

    @Autowired
    ScheduledTasks tasks;

    CourseSetup course;

    @BeforeEach
    void setUp() {
        course = new CourseSetup(fixtures, port);
    }

    @Test
    void shouldNotifyTheCourseWhenTheReleaseDateComes() {
        long exerciseId = course.exercise("TEXT", "INDIVIDUAL", RELEASE, null, null, null);
        ScheduledTaskView task = release(exerciseId);
        assertThat(task.state()).isEqualTo(TaskState.SCHEDULED);
        assertThat(task.dueAtMillis()).isEqualTo(RELEASE.toEpochMilli());
        assertThat(notices(course.student)).isZero();

        assertThat(scheduler.runDue(RELEASE)).extracting(ScheduledTaskView::taskId).contains(task.taskId());

        assertThat(notices(course.student)).isEqualTo(1);
        assertThat(release(exerciseId).state()).isEqualTo(TaskState.DONE);
    }

    @Test
    void shouldWithdrawTheNoticeWhenTheReleaseDateIsRemovedOrTheExerciseDeleted() {
        long changed = course.exercise("TEXT", "INDIVIDUAL", RELEASE, null, null, null);
        long deleted = course.exercise("TEXT", "INDIVIDUAL", RELEASE.plusSeconds(60), null, null, null);

        assertThat(course.api.put("/api/exercises/" + changed, course.instructor,
                exerciseJson("TEXT", "INDIVIDUAL", null, null, null, null, null)).statusCode()).isEqualTo(200);
        assertThat(course.api.delete("/api/exercises/" + deleted, course.instructor).statusCode()).isEqualTo(204);

        assertThat(release(changed).state()).isEqualTo(TaskState.CANCELLED);
        assertThat(release(deleted).state()).isEqualTo(TaskState.CANCELLED);
        scheduler.runDue(RELEASE.plusSeconds(61));
        assertThat(notices(course.student)).isZero();
    }

    @Test
    void shouldNotScheduleANoticeForAnExerciseReleasedAlready() {
        long exerciseId = course.exercise("TEXT", "INDIVIDUAL", Instant.now().minusSeconds(60), null, null, null);

        assertThat(tasks.find(ExerciseRelease.KIND, Long.toString(exerciseId))).isEmpty();
    }

    private ScheduledTaskView release(long exerciseId) {
        return tasks.find(ExerciseRelease.KIND, Long.toString(exerciseId)).orElseThrow();
    }

    private long notices(String token) {
        JsonNode page = LecternClient.json(client().get("/api/notifications", token));
        long count = 0;
        for (JsonNode notice : page.get("content")) {
            if (notice.get("courseId").asLong() == course.courseId
                    && notice.get("title").asString().equals(ExerciseRelease.TITLE)) {
                count++;
            }
        }
        return count;
    }
}
