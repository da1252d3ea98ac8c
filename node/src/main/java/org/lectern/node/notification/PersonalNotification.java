package org.lectern.node.notification;

import org.lectern.node.user.UserSummary;

/** One user's own text of a notification sent to many users at once. */
public record PersonalNotification(UserSummary user, String text) {
}
