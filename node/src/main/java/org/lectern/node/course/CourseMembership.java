package org.lectern.node.course;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapsId;
import jakarta.persistence.Table;
import java.io.Serializable;

/** One user's role in one course. */
@Entity
@Table(name = "course_members")
class CourseMembership {

    @EmbeddedId
    private Key key;

    @MapsId("courseId")
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "course_id")
    private Course course;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private CourseRole role;

    protected CourseMembership() {
    }

    CourseMembership(Course course, long userId, CourseRole role) {
        this.key = new Key(course.getId(), userId);
        this.course = course;
        this.role = role;
    }

    Course getCourse() {
        return course;
    }

    CourseRole getRole() {
        return role;
    }

    @Embeddable
    record Key(@Column(name = "course_id") Long courseId, @Column(name = "user_id") Long userId)
            implements Serializable {
    }
}
