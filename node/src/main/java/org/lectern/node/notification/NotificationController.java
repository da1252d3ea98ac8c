package org.lectern.node.notification;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.lectern.shared.notification.Notification;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Lets an administrator send one person a notification, e.g. to check that real-time delivery works. */
@RestController
class NotificationController {

    private final NotificationService notifications;

    NotificationController(NotificationService notifications) {
        this.notifications = notifications;
    }

    @PostMapping("/api/admin/notifications")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Notification send(@Valid @RequestBody NotificationRequest request) {
        return notifications.notify(request.recipient(), request.title(), request.text());
    }

    record NotificationRequest(
            @NotBlank @Size(max = 50) String recipient,
            @NotBlank @Size(max = 200) String title,
            @NotBlank @Size(max = 2000) String text) {
    }
}
