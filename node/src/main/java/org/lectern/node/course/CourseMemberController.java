package org.lectern.node.course;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import org.lectern.node.user.CurrentUser;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.data.web.PagedModel;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Who is what in a course: staff read the list, instructors change it, one member or a whole CSV at a time. */
@RestController
@RequestMapping("/api/courses/{courseId}/members")
class CourseMemberController {

    private final CourseService courses;
    private final CourseAccess access;

    CourseMemberController(CourseService courses, CourseAccess access) {
        this.courses = courses;
        this.access = access;
    }

    @GetMapping
    PagedModel<CourseMember> members(@PathVariable long courseId, @RequestParam(required = false) CourseRole role,
            @PageableDefault(size = 50) Pageable pageable, CurrentUser user) {
        access.require(courseId, user, CourseRole.TUTOR);
        return new PagedModel<>(courses.members(courseId, role, pageable));
    }

    @PutMapping("/{login}")
    CourseMember setRole(@PathVariable long courseId, @PathVariable String login,
            @Valid @RequestBody RoleChange request, CurrentUser user) {
        access.require(courseId, user, CourseRole.INSTRUCTOR);
        return courses.setRole(courseId, login, request.role());
    }

    @DeleteMapping("/{login}")
    ResponseEntity<Void> remove(@PathVariable long courseId, @PathVariable String login, CurrentUser user) {
        access.require(courseId, user, CourseRole.INSTRUCTOR);
        courses.remove(courseId, login);
        return ResponseEntity.noContent().build();
    }

    /**
     * Enrols a whole CSV member list. Its size is bounded like every body's, by {@code lectern.web.max-request-bytes}
     * (1 MB holds some 15,000 members, ten exams' worth); a larger one is refused with 413 before it is read.
     */
    @PostMapping(path = "/csv", consumes = "text/csv")
    EnrolmentResult enrolAll(@PathVariable long courseId, HttpServletRequest request, CurrentUser user)
            throws IOException {
        access.require(courseId, user, CourseRole.INSTRUCTOR);
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readAllBytes();
        }
        return courses.enrolAll(courseId, new String(body, StandardCharsets.UTF_8));
    }

    @ExceptionHandler(CsvRejectedException.class)
    ProblemDetail rejected(CsvRejectedException e) {
        // The detail names the first few lines for a human; "errors" has all of them for a program.
        String firstLines = e.errors().stream().limit(10)
                .map(error -> error.where() + ": " + error.error())
                .collect(Collectors.joining("; "));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage() + " "
                + firstLines + (e.errors().size() > 10 ? "; …" : ""));
        problem.setProperty("errors", e.errors().stream().map(CourseMemberController::asMap).toList());
        return problem;
    }

    private static Map<String, Object> asMap(MemberCsv.LineError error) {
        return error.column() == null
                ? Map.of("line", error.line(), "error", error.error())
                : Map.of("line", error.line(), "column", error.column(), "error", error.error());
    }

    record RoleChange(@NotNull CourseRole role) {
    }
}
