package org.lectern.node.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.lectern.node.course.CourseRole;
import org.lectern.node.course.CourseService;
import org.lectern.node.exam.ExamService;
import org.lectern.node.exam.StudentExamService;
import org.lectern.node.exercise.Exercise;
import org.lectern.node.exercise.ExerciseCatalog;
import org.lectern.node.exercise.ExerciseMode;
import org.lectern.node.exercise.ExerciseType;
import org.lectern.node.quiz.QuestionType;
import org.lectern.node.quiz.QuizRequest;
import org.lectern.node.quiz.QuizService;
import org.lectern.node.team.TeamService;
import org.lectern.node.user.CurrentUser;
import org.lectern.node.user.NewUser;
import org.lectern.node.user.UserDirectory;
import org.lectern.node.user.UserSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * Fills an empty database with the demo world the launcher prints, so every flow can be tried at once: course EIST
 * with an instructor, two tutors, 30 students, a live quiz, a text exercise, a team exercise and a running exam;
 * course DB with a few students. Never touches a database that has users.
 * <p>
 * Everything goes through the features' services, with their checks, acting as the instructor (and a tutor for
 * the teams), as a person setting up a course would. Each step commits on its own: the exam's bulk generation reads
 * the registrations from the database.
 */
@Component
@ConditionalOnBooleanProperty("lectern.demo.seed-accounts")
class DemoDataSeeder implements ApplicationRunner {

    static final String EIST = "EIST";
    static final String DB = "DB";
    static final String QUIZ_TITLE = "Good morning quiz";
    static final String TEXT_EXERCISE_TITLE = "Describe your hardware/software mapping";
    static final String TEAM_EXERCISE_TITLE = "Team essay";
    static final String EXAM_TITLE = "EIST final exam";
    /** student1, student2 and student5..student32: the 30 students of EIST. */
    static final int LAST_STUDENT = 32;

    private static final Logger log = LoggerFactory.getLogger(DemoDataSeeder.class);

    private final UserDirectory users;
    private final CourseService courses;
    private final ExerciseCatalog exercises;
    private final QuizService quizzes;
    private final TeamService teams;
    private final ExamService exams;
    private final StudentExamService studentExams;
    private final DemoProperties properties;
    private final Clock clock;

    DemoDataSeeder(UserDirectory users, CourseService courses, ExerciseCatalog exercises, QuizService quizzes,
            TeamService teams, ExamService exams, StudentExamService studentExams, DemoProperties properties,
            Clock clock) {
        this.users = users;
        this.courses = courses;
        this.exercises = exercises;
        this.quizzes = quizzes;
        this.teams = teams;
        this.exams = exams;
        this.studentExams = studentExams;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!users.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        createAccounts();
        List<String> eistStudents = eistStudents();

        long eist = courses.create(EIST, "Introduction to Software Engineering");
        long databases = courses.create(DB, "Databases");
        courses.enrol(eist, "instructor", CourseRole.INSTRUCTOR);
        courses.enrol(databases, "instructor", CourseRole.INSTRUCTOR);
        courses.enrol(eist, "tutor", CourseRole.TUTOR);
        courses.enrol(eist, "tutor2", CourseRole.TUTOR);
        eistStudents.forEach(login -> courses.enrol(eist, login, CourseRole.STUDENT));
        List.of("student2", "student3", "student4").forEach(login -> courses.enrol(databases, login, CourseRole.STUDENT));

        CurrentUser instructor = asCurrentUser(users.summaryOf("instructor"));
        // Created in this order, the demo's ids are predictable: quiz 1, text exercise 2, team exercise 3.
        quizzes.create(eist, goodMorningQuiz());
        courseExercise(eist, ExerciseMode.INDIVIDUAL, TEXT_EXERCISE_TITLE,
                "Describe the hardware/software mapping of your project: which subsystems run on which nodes, and why.",
                now);
        long teamExercise = courseExercise(eist, ExerciseMode.TEAM, TEAM_EXERCISE_TITLE,
                "Write, as a team, a one-page essay on the trade-offs of a layered architecture.", now);
        int teamCount = createTeams(teamExercise, eistStudents);
        int generated = createExam(eist, instructor, eistStudents, now);

        log.info("Created the demo: accounts admin, instructor, tutor, tutor2, student1..student{} (password '{}'); "
                        + "course {} with {} students, the quiz '{}' (not started), the text exercise '{}', the team "
                        + "exercise '{}' ({} teams) and the running exam '{}' ({} student exams); course {}",
                LAST_STUDENT, properties.password(), EIST, eistStudents.size(), QUIZ_TITLE, TEXT_EXERCISE_TITLE,
                TEAM_EXERCISE_TITLE, teamCount, EXAM_TITLE, generated, DB);
    }

    /** One password hash for all but the administrator: BCrypt is slow on purpose, and start-up should not be. */
    private void createAccounts() {
        String password = properties.password();
        users.create("admin", "Ada Admin", password, true);
        List<NewUser> people = new ArrayList<>();
        people.add(new NewUser("instructor", "Max Instructor", password));
        people.add(new NewUser("tutor", "Tess Tutor", password));
        people.add(new NewUser("tutor2", "Tom Tutor", password));
        IntStream.rangeClosed(1, LAST_STUDENT)
                .forEach(i -> people.add(new NewUser("student" + i, "Student " + i, password)));
        users.createAll(people);
    }

    /** student3 and student4 are in DB only, as they always were; everyone else numbered is in EIST. */
    private static List<String> eistStudents() {
        return IntStream.rangeClosed(1, LAST_STUDENT)
                .filter(i -> i != 3 && i != 4)
                .mapToObj(i -> "student" + i)
                .toList();
    }

    private static QuizRequest goodMorningQuiz() {
        return new QuizRequest(QUIZ_TITLE, 120, null, List.of(
                new QuizRequest.Question(QuestionType.SINGLE_CHOICE,
                        "Which diagram shows the objects of a system and the messages between them over time?",
                        BigDecimal.valueOf(2), List.of(
                                new QuizRequest.Option("Sequence diagram", true),
                                new QuizRequest.Option("Class diagram", false),
                                new QuizRequest.Option("Deployment diagram", false))),
                new QuizRequest.Question(QuestionType.MULTIPLE_CHOICE,
                        "Which of these are design patterns of the Gang of Four?",
                        BigDecimal.valueOf(3), List.of(
                                new QuizRequest.Option("Observer", true),
                                new QuizRequest.Option("Adapter", true),
                                new QuizRequest.Option("Waterfall", false))),
                new QuizRequest.Question(QuestionType.SHORT_ANSWER,
                        "Which pattern separates model, view and controller? (its abbreviation)",
                        BigDecimal.ONE, List.of(
                                new QuizRequest.Option("MVC", null),
                                new QuizRequest.Option("Model-View-Controller", null)))));
    }

    /** A TEXT exercise released now, due in 7 days, assessed within 8. */
    private long courseExercise(long courseId, ExerciseMode mode, String title, String problemStatement,
            Instant now) {
        Exercise exercise = new Exercise(courseId, null, ExerciseType.TEXT, mode, title, BigDecimal.TEN, now);
        exercise.setProblemStatement(problemStatement);
        exercise.setDates(now, now.plus(Duration.ofDays(7)), now.plus(Duration.ofDays(8)));
        return exercises.save(exercise).getId();
    }

    /**
     * Team 1 is student1 and student2; then teams of three, owned by the two tutors in turn. The last four
     * students stay without a team, so that a tutor can try forming one.
     */
    private int createTeams(long exerciseId, List<String> students) {
        CurrentUser tutor = asCurrentUser(users.summaryOf("tutor"));
        CurrentUser tutor2 = asCurrentUser(users.summaryOf("tutor2"));
        teams.createTeam(exerciseId, "Team 1", students.subList(0, 2), tutor);
        int count = 1;
        for (int from = 2; from + 3 <= students.size() - 4; from += 3) {
            count++;
            teams.createTeam(exerciseId, "Team " + count, students.subList(from, from + 3),
                    count % 2 == 0 ? tutor2 : tutor);
        }
        return count;
    }

    /**
     * Visible and startable now (from a minute ago), ending in two hours, 90 minutes to work; three groups, the
     * first two with two variants each; every student registered and their student exam generated.
     */
    private int createExam(long courseId, CurrentUser instructor, List<String> students, Instant now) {
        Instant start = now.minus(Duration.ofMinutes(1));
        long exam = exams.createExam(courseId, instructor, EXAM_TITLE, start, start, now.plus(Duration.ofHours(2)),
                (int) Duration.ofMinutes(90).toSeconds());
        long modeling = exams.addExerciseGroup(exam, instructor, "Modeling");
        exams.addGroupExercise(modeling, instructor, ExerciseType.MODELING, "Class diagram of a library",
                "Model books, copies, members and loans as a UML class diagram.", BigDecimal.valueOf(20));
        exams.addGroupExercise(modeling, instructor, ExerciseType.MODELING, "Class diagram of a webshop",
                "Model products, carts, orders and customers as a UML class diagram.", BigDecimal.valueOf(20));
        long text = exams.addExerciseGroup(exam, instructor, "Text");
        exams.addGroupExercise(text, instructor, ExerciseType.TEXT, "Explain MVC",
                "Explain the model-view-controller pattern and one of its drawbacks.", BigDecimal.valueOf(10));
        exams.addGroupExercise(text, instructor, ExerciseType.TEXT, "Explain Observer",
                "Explain the observer pattern and where MVC uses it.", BigDecimal.valueOf(10));
        long essay = exams.addExerciseGroup(exam, instructor, "Short essay");
        exams.addGroupExercise(essay, instructor, ExerciseType.TEXT, "Agile or not",
                "When would you not use an agile process? Argue in a few sentences.", BigDecimal.valueOf(10));
        exams.registerStudents(exam, instructor, students);
        return studentExams.generate(exam, instructor);
    }

    private static CurrentUser asCurrentUser(UserSummary user) {
        return new CurrentUser(user.id(), user.login(), user.admin());
    }
}
