package org.lectern.node.assessment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;

@Entity
@Table(name = "feedbacks")
class Feedback {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "result_id")
    private Result result;

    @Column(nullable = false)
    private int position;

    @Column(length = 200)
    private String reference;

    @Column(nullable = false, length = 5000)
    private String text;

    @Column(nullable = false, precision = 8, scale = 2)
    private BigDecimal credits;

    protected Feedback() {
    }

    Feedback(Result result, int position, FeedbackItem item) {
        this.result = result;
        this.position = position;
        this.reference = item.reference();
        this.text = item.text();
        this.credits = item.credits();
    }

    FeedbackItem toItem() {
        return new FeedbackItem(reference, text, credits);
    }
}
