package org.lectern.node.assessment;

import java.math.BigDecimal;

/** One remark of an assessment: what it refers to (a question, a paragraph), the text, and the points. */
public record FeedbackItem(String reference, String text, BigDecimal credits) {
}
