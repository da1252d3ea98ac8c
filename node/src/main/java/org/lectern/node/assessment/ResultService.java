package org.lectern.node.assessment;

import java.math.BigDecimal;
import java.sql.Types;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lectern.node.web.InvalidRequestException;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The assessment feature's door: records results (automatic or by a tutor) and reads them. */
@Service
public class ResultService {

    private static final int BATCH = 1_000;
    private static final String INSERT_RESULT = """
            insert into results (participation_id, submission_id, assessment_type, score, max_score, completed_at)
            values (?, ?, ?, ?, ?, ?)""";
    private static final String INSERT_FEEDBACK = """
            insert into feedbacks (result_id, position, reference, text, credits) values (?, ?, ?, ?, ?)""";
    private static final String SELECT_AUTOMATIC_IDS = """
            select id, participation_id from results
            where assessment_type = 'AUTOMATIC' and participation_id in (:participationIds)""";

    private final ResultRepository results;
    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    ResultService(ResultRepository results, NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.results = results;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Records the automatic results of many participations (a quiz's evaluation) in the caller's transaction. A
     * second automatic result for a participation violates the database's one-per-evaluation key, so an evaluation
     * run twice fails loudly instead of counting twice. Written with JDBC batches rather than through the entity:
     * Hibernate cannot batch inserts whose ids the database assigns, and a lecture hall's quiz is hundreds of
     * results with several feedback rows each, which must be in within a second of the quiz's end.
     */
    @Transactional
    public void recordAutomatic(List<AutomaticResult> automatic) {
        automatic.forEach(result -> checkScore(result.score(), result.maxScore()));
        if (automatic.isEmpty()) {
            return;
        }
        OffsetDateTime completedAt = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        jdbc.getJdbcTemplate().batchUpdate(INSERT_RESULT, automatic, BATCH, (statement, result) -> {
            statement.setLong(1, result.participationId());
            statement.setObject(2, result.submissionId(), Types.BIGINT);
            statement.setString(3, AssessmentType.AUTOMATIC.name());
            statement.setBigDecimal(4, result.score());
            statement.setBigDecimal(5, result.maxScore());
            statement.setObject(6, completedAt);
        });
        Map<Long, Long> resultIds = automaticResultIds(automatic);
        List<FeedbackRow> feedback = new ArrayList<>();
        for (AutomaticResult result : automatic) {
            long resultId = resultIds.get(result.participationId());
            for (int i = 0; i < result.feedback().size(); i++) {
                feedback.add(new FeedbackRow(resultId, i + 1, result.feedback().get(i)));
            }
        }
        jdbc.getJdbcTemplate().batchUpdate(INSERT_FEEDBACK, feedback, BATCH, (statement, row) -> {
            statement.setLong(1, row.resultId());
            statement.setInt(2, row.position());
            statement.setString(3, row.item().reference());
            statement.setString(4, row.item().text());
            statement.setBigDecimal(5, row.item().credits());
        });
    }

    /** Participation id to the id of its automatic result, read back in chunks (ids are the database's). */
    private Map<Long, Long> automaticResultIds(List<AutomaticResult> automatic) {
        List<Long> participationIds = automatic.stream().map(AutomaticResult::participationId).toList();
        Map<Long, Long> ids = new HashMap<>();
        for (int from = 0; from < participationIds.size(); from += BATCH) {
            jdbc.query(SELECT_AUTOMATIC_IDS,
                    Map.of("participationIds", participationIds.subList(from,
                            Math.min(participationIds.size(), from + BATCH))),
                    row -> {
                        ids.put(row.getLong("participation_id"), row.getLong("id"));
                    });
        }
        return ids;
    }

    private record FeedbackRow(long resultId, int position, FeedbackItem item) {
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
