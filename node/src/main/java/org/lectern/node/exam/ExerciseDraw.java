package org.lectern.node.exam;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.springframework.stereotype.Component;

/** Draws each student's variants: one exercise from every group, in the groups' order. */
@Component
class ExerciseDraw {

    private final RandomGenerator random;

    ExerciseDraw() {
        this(new SecureRandom());
    }

    ExerciseDraw(RandomGenerator random) {
        this.random = random;
    }

    /**
     * One exercise id per group, the groups ordered by position (the index in the answer is the position of the
     * exercise in the student exam).
     *
     * @param exercises every exercise of the exam, ordered by group position; every group has at least one
     */
    List<Long> draw(List<GroupExercise> exercises) {
        Map<Long, List<Long>> byGroup = new LinkedHashMap<>();
        for (GroupExercise exercise : exercises) {
            byGroup.computeIfAbsent(exercise.groupId(), group -> new ArrayList<>()).add(exercise.exerciseId());
        }
        List<Long> drawn = new ArrayList<>(byGroup.size());
        for (List<Long> variants : byGroup.values()) {
            drawn.add(variants.get(random.nextInt(variants.size())));
        }
        return drawn;
    }
}
