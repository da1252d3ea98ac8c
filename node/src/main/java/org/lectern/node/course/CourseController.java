package org.lectern.node.course;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import org.lectern.node.user.CurrentUser;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/courses")
class CourseController {

    private final CourseService courses;
    private final CourseAccess access;

    CourseController(CourseService courses, CourseAccess access) {
        this.courses = courses;
        this.access = access;
    }

    /** The caller's own courses: a student sees the courses they are enrolled in, and no others. */
    @GetMapping
    List<CourseSummary> myCourses(Principal principal) {
        return courses.coursesOf(principal.getName());
    }

    /** Only administrators open courses; they then make someone its instructor. */
    @PostMapping
    ResponseEntity<CourseSummary> create(@Valid @RequestBody NewCourse request, CurrentUser user) {
        if (!user.admin()) {
            throw new AccessDeniedException("Only administrators create courses");
        }
        long id = courses.create(request.shortName(), request.title());
        return ResponseEntity.created(URI.create("/api/courses/" + id))
                .body(courses.summaryOf(id, CourseRole.INSTRUCTOR));
    }

    @GetMapping("/{courseId}")
    CourseSummary course(@PathVariable long courseId, CurrentUser user) {
        CourseRole role = access.require(courseId, user, CourseRole.STUDENT);
        return courses.summaryOf(courseId, role);
    }

    record NewCourse(
            @NotBlank @Size(max = 30) @Pattern(regexp = "[A-Za-z0-9_-]+") String shortName,
            @NotBlank @Size(max = 200) String title) {
    }
}
