package org.lectern.node.pages;

import org.lectern.node.course.CourseRole;
import org.lectern.node.user.CurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The pages of instructors and tutors: running a live quiz, watching an exam. */
@Controller
class StaffPages {

    private final PageAccess access;

    StaffPages(PageAccess access) {
        this.access = access;
    }

    @GetMapping("/quizzes/{quizId}/control")
    String quizControl(@PathVariable long quizId, CurrentUser user, Model model) {
        long courseId = access.quiz(quizId, user, CourseRole.INSTRUCTOR);
        PageModel.user(model, user);
        model.addAttribute("quizId", quizId);
        model.addAttribute("courseId", courseId);
        return "quiz-control";
    }

    @GetMapping("/exams/{examId}/monitor")
    String examMonitor(@PathVariable long examId, CurrentUser user, Model model) {
        long courseId = access.examStaff(examId, user, CourseRole.TUTOR);
        PageModel.user(model, user);
        model.addAttribute("examId", examId);
        model.addAttribute("courseId", courseId);
        return "exam-monitor";
    }
}
