package org.lectern.node.exercise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.lectern.node.support.TestData;
import org.lectern.node.web.InvalidRequestException;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The save path's guarantees, written once and run on each database: {@link SubmissionSavingIT} (H2) and
 * {@link SubmissionSavingPostgresIT} (PostgreSQL). Spring injects the {@code @Autowired} parameters.
 */
interface SubmissionSavingFlow {

    @Test
    default void shouldAnswerAReplayedSaveWithTheFirstVersionAndWriteNothing(@Autowired TestData fixtures,
            @Autowired SubmissionService submissions) {
        Participation participation = fixtures.newParticipation();

        SavedSubmission first = submissions.save(participation.getId(), SubmissionContent.ofText("a"), "key-1", false, null);
        SavedSubmission replay = submissions.save(participation.getId(), SubmissionContent.ofText("b"), "key-1", false, null);

        assertThat(first.replayed()).isFalse();
        assertThat(replay.replayed()).isTrue();
        assertThat(replay.submissionId()).isEqualTo(first.submissionId());
        assertThat(submissions.versionCount(participation.getId())).isEqualTo(1);
        assertThat(submissions.latest(participation.getId()).orElseThrow().getContent().text()).isEqualTo("a");
    }

    @Test
    default void shouldNumberVersionsWithoutGapsUnderConcurrentSaves(@Autowired TestData fixtures,
            @Autowired SubmissionService submissions) throws Exception {
        Participation participation = fixtures.newParticipation();
        List<Callable<SavedSubmission>> saves = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String key = "save-" + (i % 10); // every key sent twice, as a retrying client does
            saves.add(() -> submissions.save(participation.getId(), SubmissionContent.ofText(key), key, false, null));
        }

        List<Integer> versions = runConcurrently(saves).stream().map(SavedSubmission::version).toList();

        // A retry is answered with the version its first attempt created, so ten keys make versions 1 to 10.
        assertThat(versions).hasSize(20).containsOnly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(submissions.versionCount(participation.getId())).isEqualTo(10);
    }

    @Test
    default void shouldStartOneParticipationWhenRequestsRace(@Autowired TestData fixtures,
            @Autowired ParticipationService participations) throws Exception {
        Exercise exercise = fixtures.newExercise(fixtures.newCourse(), ExerciseType.TEXT);
        long studentId = fixtures.newStudent();
        List<Callable<Long>> starts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            starts.add(() -> participations.participationFor(exercise, studentId, false).getId());
        }

        List<Long> ids = runConcurrently(starts);

        assertThat(ids).hasSize(8).containsOnly(ids.get(0));
    }

    @Test
    default void shouldRefuseASaveWithoutAUsableIdempotencyKey(@Autowired TestData fixtures,
            @Autowired SubmissionService submissions) {
        Participation participation = fixtures.newParticipation();

        assertThatThrownBy(() -> submissions.save(participation.getId(), SubmissionContent.ofText("a"), "no spaces",
                false, null)).isInstanceOf(InvalidRequestException.class);
        assertThat(submissions.versionCount(participation.getId())).isZero();
    }

    private static <T> List<T> runConcurrently(List<Callable<T>> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<T> results = new ArrayList<>();
            for (Future<T> result : pool.invokeAll(work)) {
                results.add(result.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
