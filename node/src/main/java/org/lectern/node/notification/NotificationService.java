package org.lectern.node.notification;

import java.time.Clock;
import java.util.NoSuchElementException;
import org.lectern.node.messaging.UserMessaging;
import org.lectern.node.user.UserDirectory;
import org.lectern.shared.notification.Notification;
import org.lectern.shared.topics.Destinations;
import org.springframework.stereotype.Service;

/** Sends personal notifications to users, wherever in the cluster they are connected. */
@Service
public class NotificationService {

    private final UserMessaging messaging;
    private final UserDirectory users;
    private final Clock clock;

    NotificationService(UserMessaging messaging, UserDirectory users, Clock clock) {
        this.messaging = messaging;
        this.users = users;
        this.clock = clock;
    }

    /** Sends a notification to the user with this login; an unknown login is refused, not silently dropped. */
    public Notification notify(String login, String title, String text) {
        if (users.find(login).isEmpty()) {
            throw new NoSuchElementException("No user " + login);
        }
        Notification notification = new Notification(title, text, clock.millis());
        messaging.sendToUser(login, Destinations.PERSONAL_NOTIFICATIONS, notification);
        return notification;
    }
}
