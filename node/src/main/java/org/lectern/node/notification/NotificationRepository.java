package org.lectern.node.notification;

import java.util.Collection;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface NotificationRepository extends JpaRepository<StoredNotification, Long> {

    @Query("select n from StoredNotification n where n.userId = :userId or n.courseId in :courseIds"
            + " order by n.createdAt desc, n.id desc")
    Page<StoredNotification> findForUserAndCourses(long userId, Collection<Long> courseIds, Pageable pageable);

    @Query("select n from StoredNotification n where n.userId = :userId order by n.createdAt desc, n.id desc")
    Page<StoredNotification> findForUser(long userId, Pageable pageable);
}
