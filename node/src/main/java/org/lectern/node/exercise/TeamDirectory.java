package org.lectern.node.exercise;

import java.util.Optional;

/**
 * Which team a student belongs to for a team exercise. Implemented by the team feature, which builds on
 * exercises; declared here so that exercises need not know teams.
 */
public interface TeamDirectory {

    Optional<Long> teamOf(long exerciseId, long userId);
}
