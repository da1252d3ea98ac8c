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
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.io.Serializable;
import org.springframework.data.domain.Persistable;

/**
 * One user's role in one course. It tells Spring Data itself whether it is new: its key is assigned, not
 * generated, and without that a bulk enrolment would read every row back before inserting it.
 */
@Entity
@Table(name = "course_members")
class CourseMembership implements Persistable<CourseMembership.Key> {

    @EmbeddedId
    private Key key;

    @MapsId("courseId")
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "course_id")
    private Course course;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private CourseRole role;

    @Transient
    private boolean isNew = true;

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

    void setRole(CourseRole role) {
        this.role = role;
    }

    long getUserId() {
        return key.userId();
    }

    @Override
    public Key getId() {
        return key;
    }

    @Override
    public boolean isNew() {
        return isNew;
    }

    @PostLoad
    @PostPersist
    void markNotNew() {
        isNew = false;
    }

    @Embeddable
    record Key(@Column(name = "course_id") Long courseId, @Column(name = "user_id") Long userId)
            implements Serializable {
    }
}
