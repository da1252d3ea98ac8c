package org.lectern.node.exam;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.lectern.node.exercise.ExerciseType;

/**
 * A participant's own exam. Problem statements and saved work appear only once it is started; before, the
 * exercises show title, type and points.
 */
record StudentExamView(long id, long examId, String title, boolean testRun, int workingTimeSeconds,
        int gracePeriodSeconds, Instant startedAt, Instant individualEnd, Instant submittedAt, boolean submitted,
        List<Item> exercises) {

    /** {@code fileExtensions}: what a FILE_UPLOAD exercise accepts ("pdf,png"), null for other types. */
    record Item(long id, int position, ExerciseType type, String title, BigDecimal maxPoints, String problemStatement,
            String fileExtensions, LatestSave latestSave) {
    }

    /**
     * The newest saved version; {@code content} is the text, or the model as a JSON string; {@code fileName} the
     * uploaded file's name (content null) for a file upload.
     */
    record LatestSave(long submissionId, int version, Instant savedAt, String content, String fileName) {
    }
}
