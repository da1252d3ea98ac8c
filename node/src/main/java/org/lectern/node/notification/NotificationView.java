package org.lectern.node.notification;

import java.time.Instant;

/** A stored notification as the API lists it; {@code courseId} is set for a course notification only. */
public record NotificationView(long id, Long courseId, String title, String text, Instant createdAt) {
}
