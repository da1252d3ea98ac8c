package org.lectern.node.exam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.lectern.node.cluster.LastKnownRecords;
import org.lectern.node.course.CourseAccess;
import org.lectern.node.exercise.ExerciseType;
import org.lectern.node.exercise.SavedSubmission;
import org.lectern.node.exercise.SubmissionService;
import org.lectern.node.support.InMemoryLastKnownRecords;
import org.lectern.node.support.MutableClock;
import org.lectern.node.user.CurrentUser;
import org.lectern.node.web.ConflictException;
import org.lectern.node.web.DatabaseReachability;
import org.lectern.node.web.ServiceUnavailableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Exam saves while the database is unreachable: taken from the records exactly when the database would take them. */
class ExamSavesTest {

    private static final long EXAM = 4;
    private static final long EXERCISE = 9;
    private static final long PARTICIPATION = 21;
    private static final CurrentUser STUDENT = new CurrentUser(7, "student", false);
    private static final Instant STARTED = Instant.parse("2026-12-05T09:00:00Z");

    private final MutableClock clock = new MutableClock(STARTED.plus(Duration.ofMinutes(30)));
    private final LastKnownRecords cluster = new InMemoryLastKnownRecords();
    private final StudentExamRecords records = new StudentExamRecords(cluster);
    private final StudentExamService studentExams = mock(StudentExamService.class);
    private final CourseAccess courseAccess = mock(CourseAccess.class);
    private final SubmissionService submissions = mock(SubmissionService.class);
    private final ExamLiveService examLive = mock(ExamLiveService.class);
    private final ExamSaves saves = new ExamSaves(studentExams, records, courseAccess, submissions,
            new DatabaseReachability(clock), examLive, clock);

    @BeforeEach
    void databaseUnreachable() {
        given(studentExams.save(anyLong(), anyLong(), any(), anyBoolean(), any(), anyString()))
                .willThrow(new CannotCreateTransactionException("Connection refused"));
        given(submissions.saveLive(anyLong(), anyLong(), any(), anyString(), anyBoolean(), any()))
                .willAnswer(call -> new SavedSubmission(100, PARTICIPATION, 2, clock.instant(), call.getArgument(3),
                        false, false));
    }

    @AfterEach
    void noTransaction() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void shouldTakeTheSaveIntoTheLiveMapWhenTheRecordsKnowTheExamAndTheExercise() {
        remember(StudentExamRecord.HandIn.NONE);

        SaveResult saved = save();

        assertThat(saved.version()).isEqualTo(2);
        assertThat(saved.replayed()).isFalse();
        verify(examLive).counted(EXAM, saved);
    }

    @Test
    void shouldRefuseWith503SavingNothingWhenTheExerciseIsUnknown() {
        cluster.put(LastKnownRecords.STUDENT_EXAMS, EXAM + ":" + STUDENT.id(), record(StudentExamRecord.HandIn.NONE));

        assertThatThrownBy(this::save).isInstanceOf(ServiceUnavailableException.class)
                .hasMessage("The database is unavailable; your work was not saved, the page retries.");
        verifyNoInteractions(submissions);
    }

    @Test
    void shouldRefuseWith503WhenTheStudentExamIsUnknown() {
        assertThatThrownBy(this::save).isInstanceOf(ServiceUnavailableException.class);
        verifyNoInteractions(submissions);
    }

    @Test
    void shouldRefuseAsTheDatabaseWouldWhenTheWorkingTimeAndGraceAreOver() {
        remember(StudentExamRecord.HandIn.NONE);
        clock.advance(Duration.ofMinutes(30).plusSeconds(181));

        assertThatThrownBy(this::save).isInstanceOf(ConflictException.class)
                .hasMessage("Your working time is over.");
        verifyNoInteractions(submissions);
    }

    @Test
    void shouldNeedTheDatabaseForATestRun() {
        remember(StudentExamRecord.HandIn.NONE);

        assertThatThrownBy(() -> saves.save(EXAM, EXERCISE, STUDENT, true, new ExamAnswer("text", null), "k1"))
                .isInstanceOf(ServiceUnavailableException.class);
        verifyNoInteractions(submissions);
    }

    @Nested
    class HandIn {

        @Test
        void shouldRefuseAsHandedInOnceTheHandInCommitted() {
            remember(StudentExamRecord.HandIn.NONE);
            handIn(TransactionSynchronization.STATUS_COMMITTED);

            assertThatThrownBy(ExamSavesTest.this::save).isInstanceOf(ConflictException.class)
                    .hasMessage("You have handed the exam in already.");
            verifyNoInteractions(submissions);
        }

        @Test
        void shouldRefuseWith503WhileTheHandInIsCommitting() {
            remember(StudentExamRecord.HandIn.NONE);
            TransactionSynchronizationManager.initSynchronization();
            records.handingIn(EXAM, STUDENT.id());

            assertThatThrownBy(ExamSavesTest.this::save).isInstanceOf(ServiceUnavailableException.class);
            verifyNoInteractions(submissions);
        }

        @Test
        void shouldTakeSavesAgainWhenTheHandInRolledBack() {
            remember(StudentExamRecord.HandIn.NONE);
            handIn(TransactionSynchronization.STATUS_ROLLED_BACK);

            assertThat(save().version()).isEqualTo(2);
        }

        @Test
        void shouldRememberNothingForAStudentExamNeverRemembered() {
            TransactionSynchronizationManager.initSynchronization();
            records.handingIn(EXAM, STUDENT.id());

            assertThat(TransactionSynchronizationManager.getSynchronizations()).isEmpty();
            assertThat(records.studentExam(EXAM, STUDENT.id())).isEmpty();
        }
    }

    @Test
    void shouldRefuseWith503AfterTheWorkingTimeChangedUntilASaveWithTheDatabaseRemembersItAgain() {
        remember(StudentExamRecord.HandIn.NONE);
        TransactionSynchronizationManager.initSynchronization();
        records.forget(EXAM, STUDENT.id());

        assertThatThrownBy(this::save).isInstanceOf(ServiceUnavailableException.class);
    }

    @Test
    void shouldForgetEveryStudentOfAnExamButNoOtherExam() {
        remember(StudentExamRecord.HandIn.NONE);
        cluster.put(LastKnownRecords.STUDENT_EXAMS, (EXAM * 10) + ":" + STUDENT.id(),
                record(StudentExamRecord.HandIn.NONE));

        records.forgetExam(EXAM);

        assertThat(records.studentExam(EXAM, STUDENT.id())).isEmpty();
        assertThat(records.studentExam(EXAM * 10, STUDENT.id())).isPresent();
    }

    private SaveResult save() {
        return saves.save(EXAM, EXERCISE, STUDENT, false, new ExamAnswer("text", null), "k1");
    }

    private void handIn(int outcome) {
        TransactionSynchronizationManager.initSynchronization();
        records.handingIn(EXAM, STUDENT.id());
        TransactionSynchronizationManager.getSynchronizations().forEach(sync -> sync.afterCompletion(outcome));
        TransactionSynchronizationManager.clearSynchronization();
    }

    private void remember(StudentExamRecord.HandIn handIn) {
        cluster.put(LastKnownRecords.STUDENT_EXAMS, EXAM + ":" + STUDENT.id(), record(handIn));
        cluster.put(LastKnownRecords.STUDENT_EXAM_EXERCISES, EXAM + ":" + STUDENT.id() + ":" + EXERCISE,
                new ExamExerciseSlot(ExerciseType.TEXT, PARTICIPATION));
    }

    private static StudentExamRecord record(StudentExamRecord.HandIn handIn) {
        return new StudentExamRecord(3, 1, STARTED.minus(Duration.ofHours(1)), STARTED, 3600, 180, handIn);
    }
}
