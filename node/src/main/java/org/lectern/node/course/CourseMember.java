package org.lectern.node.course;

/** A course member as staff see them in the member list. */
public record CourseMember(String login, String name, CourseRole role) {
}
