package org.lectern.node.realtime;

import java.util.Map;
import java.util.Optional;
import org.lectern.node.course.CourseAccess;
import org.lectern.node.course.CourseRole;
import org.lectern.node.exam.ExamService;
import org.lectern.node.exercise.ExerciseCatalog;
import org.lectern.node.messaging.SubscriptionAuthorizer;
import org.lectern.node.team.TeamMembershipDirectory;
import org.lectern.node.user.CurrentUser;
import org.lectern.node.user.KnownCallers;
import org.lectern.node.web.NotFoundException;
import org.lectern.shared.topics.AccessRule;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * The access rules of the STOMP destinations (thesis table 4.1), decided with the same services the REST API
 * authorizes with, so a user may follow live exactly what they may read. An unknown course, exam, exercise or
 * team is refused like a forbidden one: a subscription must not reveal which ids exist.
 */
@Service
class RealtimeAccess implements SubscriptionAuthorizer {

    private final KnownCallers users;
    private final CourseAccess courses;
    private final ExamService exams;
    private final ExerciseCatalog exercises;
    private final TeamMembershipDirectory teams;

    RealtimeAccess(KnownCallers users, CourseAccess courses, ExamService exams, ExerciseCatalog exercises,
            TeamMembershipDirectory teams) {
        this.users = users;
        this.courses = courses;
        this.exams = exams;
        this.exercises = exercises;
        this.teams = teams;
    }

    @Override
    public boolean mayAccess(String login, AccessRule rule, Map<String, Long> ids) {
        Optional<CurrentUser> found = users.find(login);
        if (found.isEmpty()) {
            return false;
        }
        CurrentUser user = found.get();
        return switch (rule) {
            case AUTHENTICATED, OWN_USER -> true;
            case COURSE_STUDENT -> roleIn(ids.get("courseId"), user).filter(CourseRole.STUDENT::equals).isPresent();
            case COURSE_TUTOR -> roleIn(ids.get("courseId"), user).filter(CourseRole.TUTOR::equals).isPresent();
            case COURSE_INSTRUCTOR -> isAtLeast(roleIn(ids.get("courseId"), user), CourseRole.INSTRUCTOR);
            case EXAM_STUDENT -> examStudent(ids.get("examId"), user);
            case EXAM_STAFF -> isAtLeast(exams.courseOf(ids.get("examId")).flatMap(course -> roleIn(course, user)),
                    CourseRole.TUTOR);
            case EXERCISE_STAFF -> isAtLeast(courseOfExercise(ids.get("exerciseId")).flatMap(course ->
                    roleIn(course, user)), CourseRole.TUTOR);
            case TEAM_MEMBER -> teamMemberOrStaff(ids.get("teamId"), user);
        };
    }

    private boolean examStudent(long examId, CurrentUser user) {
        return exams.courseOf(examId).flatMap(course -> roleIn(course, user)).filter(CourseRole.STUDENT::equals)
                .isPresent() && exams.isRegistered(examId, user.id());
    }

    private boolean teamMemberOrStaff(long teamId, CurrentUser user) {
        Optional<Long> exercise = teams.exerciseOf(teamId);
        if (exercise.isEmpty()) {
            return false;
        }
        return teams.memberIdsOf(teamId).contains(user.id())
                || isAtLeast(courseOfExercise(exercise.get()).flatMap(course -> roleIn(course, user)),
                        CourseRole.TUTOR);
    }

    private Optional<Long> courseOfExercise(long exerciseId) {
        try {
            return Optional.of(exercises.get(exerciseId).getCourseId());
        } catch (NotFoundException unknown) {
            return Optional.empty();
        }
    }

    /** The user's role in an existing course; empty for an unknown course or a non-member. */
    private Optional<CourseRole> roleIn(long courseId, CurrentUser user) {
        try {
            return Optional.of(courses.require(courseId, user, CourseRole.STUDENT));
        } catch (NotFoundException | AccessDeniedException notInIt) {
            return Optional.empty();
        }
    }

    private static boolean isAtLeast(Optional<CourseRole> role, CourseRole minimum) {
        return role.filter(found -> found.isAtLeast(minimum)).isPresent();
    }
}
