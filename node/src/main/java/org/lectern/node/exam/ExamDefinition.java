package org.lectern.node.exam;

import java.time.Duration;
import java.time.Instant;
import org.lectern.node.web.InvalidRequestException;

/**
 * What an instructor sets for an exam, checked as a whole: the database has the same checks, but a clear 400 beats
 * a constraint name.
 */
record ExamDefinition(String title, Instant visibleDate, Instant startDate, Instant endDate, int workingTimeSeconds,
        int gracePeriodSeconds) {

    static final int DEFAULT_GRACE_PERIOD_SECONDS = 180;

    /** Checks the dates and fills in the defaults: working time end − start, grace period 180 s. */
    static ExamDefinition of(String title, Instant visibleDate, Instant startDate, Instant endDate,
            Integer workingTimeSeconds, Integer gracePeriodSeconds) {
        if (visibleDate.isAfter(startDate)) {
            throw new InvalidRequestException("The visible date must not be after the start date.");
        }
        if (!startDate.isBefore(endDate)) {
            throw new InvalidRequestException("The start date must be before the end date.");
        }
        long workingTime = workingTimeSeconds != null ? workingTimeSeconds
                : Duration.between(startDate, endDate).getSeconds();
        if (workingTime <= 0 || workingTime > Integer.MAX_VALUE) {
            throw new InvalidRequestException("The working time must be between 1 and " + Integer.MAX_VALUE
                    + " seconds.");
        }
        int grace = gracePeriodSeconds != null ? gracePeriodSeconds : DEFAULT_GRACE_PERIOD_SECONDS;
        if (grace < 0) {
            throw new InvalidRequestException("The grace period must not be negative.");
        }
        return new ExamDefinition(title, visibleDate, startDate, endDate, (int) workingTime, grace);
    }
}
