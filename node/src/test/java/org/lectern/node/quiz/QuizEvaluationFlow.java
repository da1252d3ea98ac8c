package org.lectern.node.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.lectern.node.assessment.AssessmentType;
import org.lectern.node.assessment.FeedbackItem;
import org.lectern.node.assessment.Result;
import org.lectern.node.assessment.ResultService;
import org.lectern.node.course.CourseRole;
import org.lectern.node.exercise.Exercise;
import org.lectern.node.exercise.ExerciseCatalog;
import org.lectern.node.exercise.ParticipationService;
import org.lectern.node.notification.NotificationService;
import org.lectern.node.notification.NotificationView;
import org.lectern.node.scheduling.DurableScheduler;
import org.lectern.node.support.TestData;
import org.lectern.node.user.CurrentUser;
import org.lectern.node.user.UserSummary;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;

/**
 * A live quiz's evaluation, written once and run on each database: {@link QuizEvaluationIT} (H2) and
 * {@link QuizEvaluationPostgresIT} (PostgreSQL). The evaluator is called with a moment after the quiz's end, so
 * no test waits for real time to pass.
 */
interface QuizEvaluationFlow {

    int DURATION = 60;

    @Test
    default void shouldEvaluateEveryParticipationExactlyOnceWhenEvaluatorsRace(@Autowired TestData fixtures,
            @Autowired QuizService quizzes, @Autowired DurableScheduler scheduler, @Autowired ExerciseCatalog exercises,
            @Autowired ParticipationService participations, @Autowired ResultService results) throws Exception {
        long courseId = fixtures.newCourse();
        QuizView quiz = quizzes.create(courseId, QuizFixtures.fruitQuiz(DURATION));
        quiz = quizzes.start(quiz.id());
        CurrentUser best = student(fixtures, courseId);
        CurrentUser half = student(fixtures, courseId);
        CurrentUser none = student(fixtures, courseId);
        quizzes.save(quiz.id(), best, "k1", QuizFixtures.answers(quiz, 0, List.of(0, 1), " kiwi "));
        quizzes.save(quiz.id(), half, "k1", QuizFixtures.answers(quiz, 0, List.of(0), "banana"));
        quizzes.save(quiz.id(), none, "k1", QuizFixtures.answers(quiz, 1, List.of(2), "apple"));
        Instant afterGrace = quiz.endsAt().plusSeconds(6);

        List<Callable<List<Long>>> evaluators = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            evaluators.add(() -> QuizFixtures.evaluatedQuizzes(scheduler.runDue(afterGrace)));
        }
        List<Long> evaluated = new ArrayList<>();
        runConcurrently(evaluators).forEach(evaluated::addAll);
        evaluated.addAll(QuizFixtures.evaluatedQuizzes(scheduler.runDue(afterGrace)));

        long quizId = quiz.id();
        assertThat(evaluated).filteredOn(id -> id == quizId).hasSize(1);
        assertThat(exercises.get(quizId).getQuizEvaluatedAt()).isNotNull();
        Map<String, String> expected = Map.of(best.login(), "6", half.login(), "2", none.login(), "0");
        for (CurrentUser student : List.of(best, half, none)) {
            Exercise exercise = exercises.get(quizId);
            long participationId = participations.existingParticipation(exercise, student.id(), false).orElseThrow()
                    .getId();
            List<Result> recorded = results.ofParticipation(participationId);
            assertThat(recorded).hasSize(1);
            assertThat(recorded.get(0).getAssessmentType()).isEqualTo(AssessmentType.AUTOMATIC);
            assertThat(recorded.get(0).getScore()).isEqualByComparingTo(expected.get(student.login()));
            assertThat(recorded.get(0).getMaxScore()).isEqualByComparingTo("6");
            QuizResultView shown = quizzes.live(quizId, student).result();
            assertThat(shown.score()).isEqualByComparingTo(expected.get(student.login()));
            assertThat(shown.feedback()).extracting(FeedbackItem::reference).containsExactly(
                    quiz.questions().stream().map(q -> "question:" + q.id()).toArray(String[]::new));
        }
    }

    @Test
    default void shouldReferToTheLatestSaveAndTellEachStudentTheirOwnScore(@Autowired TestData fixtures,
            @Autowired QuizService quizzes, @Autowired DurableScheduler scheduler, @Autowired ExerciseCatalog exercises,
            @Autowired ParticipationService participations, @Autowired ResultService results,
            @Autowired NotificationService notifications) {
        long courseId = fixtures.newCourse();
        QuizView quiz = quizzes.start(quizzes.create(courseId, QuizFixtures.fruitQuiz(DURATION)).id());
        CurrentUser changedMind = student(fixtures, courseId);
        CurrentUser wrong = student(fixtures, courseId);
        quizzes.save(quiz.id(), changedMind, "k1", QuizFixtures.answers(quiz, 1, List.of(2), "pear"));
        // Live saves may still be only in the cluster when the quiz ends: the result must refer to the newest.
        SavedAnswers latest = quizzes.save(quiz.id(), changedMind, "k2",
                QuizFixtures.answers(quiz, 0, List.of(0, 1), "kiwi"));
        SavedAnswers wrongs = quizzes.save(quiz.id(), wrong, "k1", QuizFixtures.answers(quiz, 1, List.of(2), "pear"));

        assertThat(QuizFixtures.evaluatedQuizzes(scheduler.runDue(quiz.endsAt().plusSeconds(6))))
                .contains(quiz.id());

        Exercise exercise = exercises.get(quiz.id());
        Map<CurrentUser, SavedAnswers> saves = Map.of(changedMind, latest, wrong, wrongs);
        Map<CurrentUser, String> scores = Map.of(changedMind, "6", wrong, "0");
        for (CurrentUser student : List.of(changedMind, wrong)) {
            long participationId = participations.existingParticipation(exercise, student.id(), false).orElseThrow()
                    .getId();
            Result result = results.ofParticipation(participationId).get(0);
            assertThat(result.getSubmissionId()).isEqualTo(saves.get(student).submissionId());
            List<NotificationView> told = notifications.visibleTo(student.login(), Pageable.unpaged()).getContent();
            assertThat(told).extracting(NotificationView::title).containsExactly("Quiz result");
            assertThat(told.get(0).text()).isEqualTo("You scored " + scores.get(student) + " of 6 in "
                    + quiz.title());
        }
    }

    @Test
    default void shouldNotEvaluateBeforeTheGracePeriodHasPassed(@Autowired TestData fixtures,
            @Autowired QuizService quizzes, @Autowired DurableScheduler scheduler,
            @Autowired ExerciseCatalog exercises) {
        long courseId = fixtures.newCourse();
        QuizView quiz = quizzes.create(courseId, QuizFixtures.fruitQuiz(DURATION));
        quiz = quizzes.start(quiz.id());
        CurrentUser student = student(fixtures, courseId);
        quizzes.save(quiz.id(), student, "k1", QuizFixtures.answers(quiz, 0, List.of(0, 1), "kiwi"));

        List<Long> evaluated = QuizFixtures.evaluatedQuizzes(scheduler.runDue(quiz.endsAt().plusSeconds(4)));

        assertThat(evaluated).doesNotContain(quiz.id());
        assertThat(exercises.get(quiz.id()).getQuizEvaluatedAt()).isNull();
        assertThat(quizzes.live(quiz.id(), student).result()).isNull();
    }

    @Test
    default void shouldCountLatestAnswersPerQuestionAndOption(@Autowired TestData fixtures,
            @Autowired QuizService quizzes) {
        long courseId = fixtures.newCourse();
        QuizView quiz = quizzes.start(quizzes.create(courseId, QuizFixtures.fruitQuiz(DURATION)).id());
        CurrentUser first = student(fixtures, courseId);
        CurrentUser second = student(fixtures, courseId);
        quizzes.save(quiz.id(), first, "k1", QuizFixtures.answers(quiz, 1, List.of(0), "pear"));
        // Only the latest save counts: the first student changes their mind.
        quizzes.save(quiz.id(), first, "k2", QuizFixtures.answers(quiz, 0, List.of(0, 1), "KIWI"));
        quizzes.save(quiz.id(), second, "k1", new QuizAnswers(List.of(
                new QuizAnswer(quiz.questions().get(0).id(), List.of(quiz.questions().get(0).options().get(0).id()),
                        null))));

        QuizStatistics statistics = quizzes.statistics(quiz.id());

        assertThat(statistics.participants()).isEqualTo(2);
        assertThat(statistics.answered()).isEqualTo(2);
        QuizStatistics.Question single = statistics.questions().get(0);
        assertThat(single.answers()).isEqualTo(2);
        assertThat(single.correct()).isEqualTo(2);
        assertThat(single.options()).extracting(QuizStatistics.Option::chosen).containsExactly(2, 0);
        QuizStatistics.Question multiple = statistics.questions().get(1);
        assertThat(multiple.answers()).isEqualTo(1);
        assertThat(multiple.correct()).isEqualTo(1);
        assertThat(multiple.options()).extracting(QuizStatistics.Option::chosen).containsExactly(1, 1, 0);
        QuizStatistics.Question shortAnswer = statistics.questions().get(2);
        assertThat(shortAnswer.answers()).isEqualTo(1);
        assertThat(shortAnswer.correct()).isEqualTo(1);
        assertThat(shortAnswer.options()).extracting(QuizStatistics.Option::chosen).containsExactly(1);
    }

    private static CurrentUser student(TestData fixtures, long courseId) {
        UserSummary user = fixtures.newMember(courseId, CourseRole.STUDENT);
        return new CurrentUser(user.id(), user.login(), false);
    }

    private static <T> List<T> runConcurrently(List<Callable<T>> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(work.size());
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
