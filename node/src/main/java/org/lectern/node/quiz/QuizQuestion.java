package org.lectern.node.quiz;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** One question of a quiz exercise with its options (for a short-answer question: its accepted answers). */
@Entity
@Table(name = "quiz_questions")
class QuizQuestion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "exercise_id", nullable = false)
    private long exerciseId;

    @Column(nullable = false)
    private int position;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private QuestionType type;

    @Column(nullable = false, length = 2000)
    private String text;

    @Column(nullable = false, precision = 8, scale = 2)
    private BigDecimal points;

    @OneToMany(mappedBy = "question", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<QuizOption> options = new ArrayList<>();

    protected QuizQuestion() {
    }

    QuizQuestion(long exerciseId, int position, QuestionType type, String text, BigDecimal points) {
        this.exerciseId = exerciseId;
        this.position = position;
        this.type = type;
        this.text = text;
        this.points = points;
    }

    /** Adds an option; every accepted answer of a short-answer question counts as correct. */
    QuizOption addOption(String optionText, boolean correct) {
        QuizOption option = new QuizOption(this, options.size() + 1, optionText,
                type == QuestionType.SHORT_ANSWER || correct);
        options.add(option);
        return option;
    }

    QuestionRule toRule() {
        return new QuestionRule(id, type, points,
                options.stream().filter(QuizOption::isCorrect).map(QuizOption::getId).collect(Collectors.toSet()),
                type == QuestionType.SHORT_ANSWER ? options.stream().map(QuizOption::getText).toList() : List.of());
    }

    Long getId() {
        return id;
    }

    long getExerciseId() {
        return exerciseId;
    }

    int getPosition() {
        return position;
    }

    QuestionType getType() {
        return type;
    }

    String getText() {
        return text;
    }

    BigDecimal getPoints() {
        return points;
    }

    List<QuizOption> getOptions() {
        return options;
    }
}
