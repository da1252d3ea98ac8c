package org.lectern.shared.notification;

import java.util.Objects;

/**
 * A message for one person, delivered on {@link org.lectern.shared.topics.Destinations#PERSONAL_NOTIFICATIONS}.
 *
 * @param title         a short headline
 * @param text          the message
 * @param sentAtMillis  when it was sent, epoch milliseconds
 */
public record Notification(String title, String text, long sentAtMillis) {

    public Notification {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
    }
}
