package org.lectern.node.course;

/** A course as its member sees it in a list, with their own role in it. */
public record CourseSummary(long id, String shortName, String title, CourseRole role) {
}
