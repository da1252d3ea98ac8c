package org.lectern.node.scheduling;

/**
 * What a feature does when one of its scheduled tasks is due. A Spring bean per kind; the scheduler finds them all.
 * <p>
 * {@link #run} is called inside the transaction that claimed the task, on the scheduler owner only: whatever it
 * writes commits together with the claim, or not at all (and the task stays scheduled for the next attempt). Live
 * messages sent through {@code LiveEvents} go out after that commit.
 */
public interface ScheduledTaskHandler {

    /** The kind of task this handler runs, e.g. {@code quiz.end}; one handler per kind. */
    String kind();

    /** Does the task's work for {@code subject} (what the task acts on, e.g. the quiz id). */
    void run(String subject);
}
