package org.lectern.node.assessment;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.lectern.node.web.InvalidRequestException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The assessment feature's door: records results (automatic or by a tutor) and reads them. */
@Service
public class ResultService {

    private final ResultRepository results;
    private final Clock clock;

    ResultService(ResultRepository results, Clock clock) {
        this.results = results;
        this.clock = clock;
    }

    /**
     * Records the automatic result of a participation (a quiz's evaluation). A second automatic result for the
     * same participation violates the database's one-per-evaluation key, so an evaluation run twice fails loudly
     * instead of counting twice.
     */
    @Transactional
    public Result recordAutomatic(long participationId, Long submissionId, BigDecimal score, BigDecimal maxScore,
            List<FeedbackItem> feedback) {
        checkScore(score, maxScore);
        Result result = new Result(participationId, submissionId, AssessmentType.AUTOMATIC, score, maxScore, null,
                clock.instant());
        result.replaceFeedback(feedback);
        return results.saveAndFlush(result);
    }

    /** Records or replaces a tutor's assessment of a participation. */
    @Transactional
    public Result recordManual(long participationId, long submissionId, BigDecimal score, BigDecimal maxScore,
            long assessorId, List<FeedbackItem> feedback) {
        checkScore(score, maxScore);
        Optional<Result> existing = results.findByParticipationIdAndAssessmentType(participationId,
                AssessmentType.MANUAL);
        if (existing.isPresent()) {
            Result result = existing.get();
            // Hibernate inserts new rows before it deletes orphans, and feedback positions are unique per result:
            // the old feedback has to be gone from the database before the new one is written.
            result.replaceFeedback(List.of());
            results.flush();
            result.reassess(submissionId, score, maxScore, assessorId, clock.instant(), feedback);
            return results.saveAndFlush(result);
        }
        Result result = new Result(participationId, submissionId, AssessmentType.MANUAL, score, maxScore, assessorId,
                clock.instant());
        result.replaceFeedback(feedback);
        return results.saveAndFlush(result);
    }

    @Transactional(readOnly = true)
    public List<Result> ofParticipation(long participationId) {
        return results.findByParticipationId(participationId);
    }

    @Transactional(readOnly = true)
    public List<Result> ofParticipations(Collection<Long> participationIds) {
        return results.findByParticipationIdIn(participationIds);
    }

    private static void checkScore(BigDecimal score, BigDecimal maxScore) {
        if (score.signum() < 0 || score.compareTo(maxScore) > 0) {
            throw new InvalidRequestException("A score must lie between 0 and " + maxScore + ", was " + score);
        }
    }
}
