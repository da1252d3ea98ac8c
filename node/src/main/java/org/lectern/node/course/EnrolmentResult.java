package org.lectern.node.course;

/**
 * What a bulk enrolment did: users it created, users it enrolled (new in the course), members whose role it
 * changed, and members it found already in the course with that role.
 */
public record EnrolmentResult(int created, int enrolled, int updated, int unchanged) {
}
