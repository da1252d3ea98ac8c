package org.lectern.node.pages;

import org.lectern.node.course.CourseRole;
import org.lectern.node.user.CurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The pages of instructors and tutors: preparing a course and an exam, running a live quiz, watching an exam,
 * assessing submissions. Each checks the role first (see {@link PageAccess}); the page's script loads the data.
 */
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

    @GetMapping("/courses/{courseId}/manage")
    String manageCourse(@PathVariable long courseId, CurrentUser user, Model model) {
        access.course(courseId, user, CourseRole.INSTRUCTOR);
        PageModel.user(model, user);
        model.addAttribute("courseId", courseId);
        return "course-manage";
    }

    @GetMapping("/exams/{examId}/prepare")
    String prepareExam(@PathVariable long examId, CurrentUser user, Model model) {
        long courseId = access.examStaff(examId, user, CourseRole.INSTRUCTOR);
        PageModel.user(model, user);
        model.addAttribute("examId", examId);
        model.addAttribute("courseId", courseId);
        return "exam-prepare";
    }

    @GetMapping("/exercises/{exerciseId}/assessment")
    String assessment(@PathVariable long exerciseId, CurrentUser user, Model model) {
        PageAccess.ExercisePage exercise = access.assessable(exerciseId, user);
        PageModel.user(model, user);
        model.addAttribute("exercise", exercise);
        return "assessment";
    }
}
