package org.lectern.node.exam;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExerciseDrawTest {

    private static final List<GroupExercise> EXAM = List.of(
            new GroupExercise(10, 1, 101), new GroupExercise(10, 1, 102),
            new GroupExercise(20, 2, 201),
            new GroupExercise(30, 3, 301), new GroupExercise(30, 3, 302), new GroupExercise(30, 3, 303));

    @Test
    void shouldDrawOneExerciseFromEachGroupInGroupOrder() {
        ExerciseDraw draw = new ExerciseDraw(new Random(42));

        for (int i = 0; i < 100; i++) {
            List<Long> drawn = draw.draw(EXAM);

            assertThat(drawn).hasSize(3);
            assertThat(drawn.get(0)).isIn(101L, 102L);
            assertThat(drawn.get(1)).isEqualTo(201L);
            assertThat(drawn.get(2)).isIn(301L, 302L, 303L);
        }
    }

    @Test
    void shouldDrawEveryVariantSometimes() {
        ExerciseDraw draw = new ExerciseDraw(new Random(7));
        Set<Long> seen = new HashSet<>();

        for (int i = 0; i < 200; i++) {
            seen.addAll(draw.draw(EXAM));
        }

        assertThat(seen).containsExactlyInAnyOrder(101L, 102L, 201L, 301L, 302L, 303L);
    }
}
