package org.lectern.node.course;

import java.security.Principal;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/courses")
class CourseController {

    private final CourseService courses;

    CourseController(CourseService courses) {
        this.courses = courses;
    }

    /** The caller's own courses: a student sees the courses they are enrolled in, and no others. */
    @GetMapping
    List<CourseSummary> myCourses(Principal principal) {
        return courses.coursesOf(principal.getName());
    }
}
