package org.lectern.node.exam;

import java.time.Instant;
import java.util.List;

/** A student exam as staff see it in the list: whose, how long, how far, which exercises were drawn. */
record StudentExamSummary(long id, long userId, String login, int workingTimeSeconds, Instant startedAt,
        Instant individualEnd, Instant submittedAt, List<Long> exerciseIds) {
}
