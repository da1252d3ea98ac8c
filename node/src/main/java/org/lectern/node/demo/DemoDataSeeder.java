package org.lectern.node.demo;

import org.lectern.node.course.CourseRole;
import org.lectern.node.course.CourseService;
import org.lectern.node.user.UserDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * Fills an empty database with the demo accounts the launcher prints: an administrator, an instructor, a tutor
 * and four students in two courses. Never touches a database that has users.
 */
@Component
@ConditionalOnBooleanProperty("lectern.demo.seed-accounts")
class DemoDataSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataSeeder.class);

    private final UserDirectory users;
    private final CourseService courses;
    private final DemoProperties properties;

    DemoDataSeeder(UserDirectory users, CourseService courses, DemoProperties properties) {
        this.users = users;
        this.courses = courses;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!users.isEmpty()) {
            return;
        }
        String password = properties.password();
        users.create("admin", "Ada Admin", password, true);
        users.create("instructor", "Max Instructor", password, false);
        users.create("tutor", "Tess Tutor", password, false);
        for (int i = 1; i <= 4; i++) {
            users.create("student" + i, "Student " + i, password, false);
        }

        long eist = courses.create("EIST", "Introduction to Software Engineering");
        long databases = courses.create("DB", "Databases");
        courses.enrol(eist, "instructor", CourseRole.INSTRUCTOR);
        courses.enrol(databases, "instructor", CourseRole.INSTRUCTOR);
        courses.enrol(eist, "tutor", CourseRole.TUTOR);
        courses.enrol(eist, "student1", CourseRole.STUDENT);
        courses.enrol(eist, "student2", CourseRole.STUDENT);
        courses.enrol(databases, "student2", CourseRole.STUDENT);
        courses.enrol(databases, "student3", CourseRole.STUDENT);
        courses.enrol(databases, "student4", CourseRole.STUDENT);
        log.info("Created the demo accounts (admin, instructor, tutor, student1..student4) and two courses");
    }
}
