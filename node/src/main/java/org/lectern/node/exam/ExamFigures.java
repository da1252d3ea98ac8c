package org.lectern.node.exam;

import java.time.Instant;
import java.util.List;

/**
 * What an instructor watches during an exam; test runs never count. {@code savesPerMinute} covers the last ten
 * minutes, oldest first, each entry the saves in the minute from {@code from}.
 */
record ExamFigures(Instant at, long registered, long generated, long started, long submitted, long savesLastMinute,
        List<MinuteSaves> savesPerMinute) {

    record MinuteSaves(Instant from, long saves) {
    }
}
