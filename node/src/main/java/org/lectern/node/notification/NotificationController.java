package org.lectern.node.notification;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.lectern.node.course.CourseAccess;
import org.lectern.node.course.CourseRole;
import org.lectern.node.user.CurrentUser;
import org.lectern.shared.notification.Notification;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.data.web.PagedModel;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Notifications: everyone reads their own and their courses'; instructors write to a course; an administrator may
 * send one person a notification, e.g. to check that real-time delivery works.
 */
@RestController
class NotificationController {

    private final NotificationService notifications;
    private final CourseAccess access;

    NotificationController(NotificationService notifications, CourseAccess access) {
        this.notifications = notifications;
        this.access = access;
    }

    @PostMapping("/api/admin/notifications")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Notification send(@Valid @RequestBody NotificationRequest request) {
        return notifications.notify(request.recipient(), request.title(), request.text());
    }

    @GetMapping("/api/notifications")
    PagedModel<NotificationView> mine(@PageableDefault(size = 50) Pageable pageable, CurrentUser caller) {
        return new PagedModel<>(notifications.visibleTo(caller.login(), pageable));
    }

    @PostMapping("/api/courses/{courseId}/notifications")
    @ResponseStatus(HttpStatus.CREATED)
    NotificationView sendToCourse(@PathVariable long courseId, @Valid @RequestBody CourseNotificationRequest request,
            CurrentUser caller) {
        access.require(courseId, caller, CourseRole.INSTRUCTOR);
        return notifications.notifyCourse(courseId, request.title(), request.text());
    }

    record NotificationRequest(
            @NotBlank @Size(max = 50) String recipient,
            @NotBlank @Size(max = 200) String title,
            @NotBlank @Size(max = 2000) String text) {
    }

    record CourseNotificationRequest(
            @NotBlank @Size(max = 200) String title,
            @NotBlank @Size(max = 2000) String text) {
    }
}
