package org.lectern.node.quiz;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A choice of a choice question, or an accepted answer of a short-answer question. */
@Entity
@Table(name = "quiz_options")
class QuizOption {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "question_id", nullable = false)
    private QuizQuestion question;

    @Column(nullable = false)
    private int position;

    @Column(nullable = false, length = 500)
    private String text;

    @Column(nullable = false)
    private boolean correct;

    protected QuizOption() {
    }

    QuizOption(QuizQuestion question, int position, String text, boolean correct) {
        this.question = question;
        this.position = position;
        this.text = text;
        this.correct = correct;
    }

    Long getId() {
        return id;
    }

    int getPosition() {
        return position;
    }

    String getText() {
        return text;
    }

    boolean isCorrect() {
        return correct;
    }
}
