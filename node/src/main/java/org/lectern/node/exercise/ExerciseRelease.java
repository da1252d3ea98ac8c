package org.lectern.node.exercise;

import java.time.Clock;
import org.lectern.node.notification.NotificationService;
import org.lectern.node.scheduling.ScheduledTaskHandler;
import org.lectern.node.scheduling.ScheduledTasks;
import org.springframework.stereotype.Component;

/**
 * Tells a course's members when one of its exercises is released: the {@code exercise.release} task, scheduled at
 * the release date whenever a course exercise is created or changed with a release date in the future, and
 * withdrawn when the date goes or the exercise is deleted. The notification is stored with the task's claim.
 */
@Component
class ExerciseRelease implements ScheduledTaskHandler {

    /** The task kind; its subject is the exercise id. */
    static final String KIND = "exercise.release";
    static final String TITLE = "New exercise";

    private final ExerciseRepository exercises;
    private final NotificationService notifications;
    private final ScheduledTasks tasks;
    private final Clock clock;

    ExerciseRelease(ExerciseRepository exercises, NotificationService notifications, ScheduledTasks tasks,
            Clock clock) {
        this.exercises = exercises;
        this.notifications = notifications;
        this.tasks = tasks;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void run(String subject) {
        // Every change of the release date moves this task in the same transaction: when it runs, the date is due.
        exercises.findById(Long.parseLong(subject))
                .filter(exercise -> !exercise.isExamExercise() && exercise.getReleaseDate() != null)
                .ifPresent(exercise -> notifications.notifyCourse(exercise.getCourseId(), TITLE,
                        exercise.getTitle() + " is released."));
    }

    /** Schedules the notice for a future release date of a saved exercise, or withdraws it if there is none. */
    void follow(Exercise exercise) {
        String subject = Long.toString(exercise.getId());
        if (exercise.getReleaseDate() != null && exercise.getReleaseDate().isAfter(clock.instant())) {
            tasks.schedule(KIND, subject, exercise.getReleaseDate());
        } else {
            tasks.cancel(KIND, subject);
        }
    }

    void withdraw(long exerciseId) {
        tasks.cancel(KIND, Long.toString(exerciseId));
    }
}
