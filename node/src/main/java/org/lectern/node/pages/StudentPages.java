package org.lectern.node.pages;

import org.lectern.node.course.CourseRole;
import org.lectern.node.user.CurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The pages students use. Each checks access first (see {@link PageAccess}); the page's script loads the data. */
@Controller
class StudentPages {

    private final PageAccess access;

    StudentPages(PageAccess access) {
        this.access = access;
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/")
    String home() {
        return "redirect:/courses";
    }

    @GetMapping("/courses")
    String courses(CurrentUser user, Model model) {
        PageModel.user(model, user);
        return "courses";
    }

    @GetMapping("/notifications")
    String notifications(CurrentUser user, Model model) {
        PageModel.user(model, user);
        return "notifications";
    }

    @GetMapping("/courses/{courseId}")
    String course(@PathVariable long courseId, CurrentUser user, Model model) {
        CourseRole role = access.course(courseId, user, CourseRole.STUDENT);
        PageModel.user(model, user);
        model.addAttribute("courseId", courseId);
        model.addAttribute("role", role.name());
        model.addAttribute("staff", role.isAtLeast(CourseRole.TUTOR));
        return "course";
    }

    @GetMapping("/exercises/{exerciseId}")
    String exercise(@PathVariable long exerciseId, CurrentUser user, Model model) {
        PageAccess.ExercisePage exercise = access.exercise(exerciseId, user, CourseRole.STUDENT);
        PageModel.user(model, user);
        model.addAttribute("exercise", exercise);
        return "exercise";
    }

    @GetMapping("/quizzes/{quizId}")
    String quiz(@PathVariable long quizId, CurrentUser user, Model model) {
        long courseId = access.quiz(quizId, user, CourseRole.STUDENT);
        PageModel.user(model, user);
        model.addAttribute("quizId", quizId);
        model.addAttribute("courseId", courseId);
        return "quiz";
    }

    @GetMapping("/exams/{examId}")
    String exam(@PathVariable long examId, CurrentUser user, Model model) {
        long courseId = access.examParticipant(examId, user);
        PageModel.user(model, user);
        model.addAttribute("examId", examId);
        model.addAttribute("courseId", courseId);
        return "exam";
    }
}
