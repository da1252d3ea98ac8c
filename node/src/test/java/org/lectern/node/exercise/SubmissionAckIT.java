package org.lectern.node.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.lectern.node.support.NodeIntegrationTest;
import org.lectern.node.support.StompTestClient;
import org.lectern.node.support.TestData;
import org.lectern.node.user.UserSummary;
import org.lectern.shared.exercise.SubmissionAck;
import org.lectern.shared.topics.TopicRegistry;
import org.springframework.beans.factory.annotation.Autowired;

/** Every save is acknowledged to its author on one personal destination, whatever the exercise (thesis 5.6). */
class SubmissionAckIT extends NodeIntegrationTest {

    @Autowired
    private TestData data;

    @Autowired
    private ExerciseCatalog exercises;

    @Autowired
    private ParticipationService participations;

    @Autowired
    private SubmissionService submissions;

    @Test
    void shouldAcknowledgeEachNewSaveToItsAuthorOnce() throws Exception {
        UserSummary student = data.newUser();
        Exercise first = data.newExercise(data.newCourse(), ExerciseType.TEXT);
        Exercise second = data.newExercise(data.newCourse(), ExerciseType.MODELING);
        long inFirst = participations.participationFor(first, student.id(), false).getId();
        long inSecond = participations.participationFor(second, student.id(), false).getId();

        try (StompTestClient client = StompTestClient.connect(port, client().tokenFor(student.login(), TestData.PASSWORD))) {
            BlockingQueue<SubmissionAck> acks = client.subscribeSequenced(
                    "/user" + TopicRegistry.SUBMISSIONS.pattern(), SubmissionAck.class);

            SavedSubmission saved = submissions.save(inFirst, SubmissionContent.ofText("a"), "ack-1", false, student.id());
            submissions.save(inFirst, SubmissionContent.ofText("a"), "ack-1", false, student.id()); // a replay
            submissions.save(inSecond, SubmissionContent.ofText("{}"), "ack-2", false, student.id());

            SubmissionAck firstAck = acks.poll(15, TimeUnit.SECONDS);
            assertThat(firstAck).isNotNull();
            assertThat(firstAck.exerciseId()).isEqualTo(first.getId());
            assertThat(firstAck.submissionId()).isEqualTo(saved.submissionId());
            assertThat(firstAck.version()).isEqualTo(1);
            assertThat(firstAck.idempotencyKey()).isEqualTo("ack-1");
            // The broker keeps order: the replay would have come before the second exercise's acknowledgement.
            SubmissionAck secondAck = acks.poll(15, TimeUnit.SECONDS);
            assertThat(secondAck).isNotNull();
            assertThat(secondAck.exerciseId()).isEqualTo(second.getId());
            assertThat(secondAck.idempotencyKey()).isEqualTo("ack-2");
            assertThat(acks).isEmpty();
        }
    }
}
