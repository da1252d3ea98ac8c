package org.lectern.node.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lectern.node.support.LecternClient;
import org.lectern.node.support.NodeIntegrationTest;
import tools.jackson.databind.JsonNode;

/** The demo world as the seeder leaves it, read through the API as its people see it. */
class DemoDataIT extends NodeIntegrationTest {

    private String instructor;
    private long eist;

    @BeforeEach
    void logInAsTheInstructor() {
        instructor = client().tokenFor("instructor", "demo");
        eist = json(client().get("/api/courses", instructor)).valueStream()
                .filter(course -> course.get("shortName").asString().equals("EIST"))
                .findFirst().orElseThrow().get("id").asLong();
    }

    @Test
    void shouldHaveThirtyStudentsTwoTutorsAndAnInstructorInEist() {
        JsonNode students = json(client().get("/api/courses/" + eist + "/members?role=STUDENT&size=100", instructor));
        JsonNode tutors = json(client().get("/api/courses/" + eist + "/members?role=TUTOR", instructor));

        assertThat(students.get("page").get("totalElements").asInt()).isEqualTo(30);
        assertThat(logins(students.get("content"))).contains("student1", "student2", "student5", "student32")
                .doesNotContain("student3", "student4");
        assertThat(logins(tutors.get("content"))).containsExactlyInAnyOrder("tutor", "tutor2");
        assertThat(client().tokenFor("student32", "demo")).isNotBlank();
    }

    @Test
    void shouldHaveALiveQuizWithThreeQuestionsReadyToStart() {
        JsonNode quiz = json(client().get("/api/quizzes/" + exerciseId("QUIZ", "Good morning quiz"), instructor));

        assertThat(quiz.get("state").asString()).isEqualTo("NOT_STARTED");
        assertThat(quiz.get("durationSeconds").asInt()).isEqualTo(120);
        assertThat(quiz.get("questions").valueStream().map(q -> q.get("type").asString()).toList())
                .containsExactly("SINGLE_CHOICE", "MULTIPLE_CHOICE", "SHORT_ANSWER");
    }

    @Test
    void shouldHaveAReleasedTextExerciseThatAStudentCanWorkOn() {
        long exercise = exerciseId("TEXT", "Describe your hardware/software mapping");
        String student = client().tokenFor("student1", "demo");

        HttpResponse<String> participation = client().post("/api/exercises/" + exercise + "/participation",
                student, "");

        assertThat(participation.statusCode()).isEqualTo(200);
        assertThat(json(client().get("/api/exercises/" + exercise, student)).get("dueDate").isNull()).isFalse();
    }

    @Test
    void shouldPutStudent1AndStudent2InOneTeamOfTheTeamExercise() {
        long exercise = exerciseId("TEXT", "Team essay");
        JsonNode teams = json(client().get("/api/exercises/" + exercise + "/teams?size=100",
                client().tokenFor("tutor", "demo")));
        JsonNode mine = json(client().get("/api/exercises/" + exercise + "/teams/mine",
                client().tokenFor("student2", "demo")));

        assertThat(json(client().get("/api/exercises/" + exercise, instructor)).get("mode").asString())
                .isEqualTo("TEAM");
        assertThat(logins(mine.get("members"))).containsExactly("student1", "student2");
        assertThat(teams.get("content").valueStream().map(team -> team.get("members").size()).toList())
                .allSatisfy(size -> assertThat(size).isBetween(2, 3));
    }

    @Test
    void shouldHaveARunningExamWithThreeGroupsAndThirtyStudentExams() {
        JsonNode exam = json(client().get("/api/courses/" + eist + "/exams", instructor)).get("content")
                .valueStream().filter(e -> e.get("title").asString().equals("EIST final exam"))
                .findFirst().orElseThrow();
        long examId = exam.get("id").asLong();

        JsonNode groups = json(client().get("/api/exams/" + examId + "/exercise-groups", instructor));
        JsonNode studentExams = json(client().get("/api/exams/" + examId + "/student-exams?size=100", instructor));

        assertThat(exam.get("workingTimeSeconds").asInt()).isEqualTo(5400);
        assertThat(groups.valueStream().map(g -> g.get("title").asString()).toList())
                .containsExactly("Modeling", "Text", "Short essay");
        assertThat(groups.valueStream().map(g -> g.get("exercises").size()).toList()).containsExactly(2, 2, 1);
        assertThat(studentExams.get("page").get("totalElements").asInt()).isEqualTo(30);
        assertThat(studentExams.get("content").valueStream().map(s -> s.get("exerciseIds").size()).toList())
                .containsOnly(3);
        assertThat(client().post("/api/exams/" + examId + "/student-exam/start", client().tokenFor("student5", "demo"),
                "").statusCode()).isEqualTo(200);
    }

    private long exerciseId(String type, String title) {
        return json(client().get("/api/courses/" + eist + "/exercises?size=100", instructor)).get("content")
                .valueStream()
                .filter(e -> e.get("type").asString().equals(type) && e.get("title").asString().equals(title))
                .findFirst().orElseThrow().get("id").asLong();
    }

    private static List<String> logins(JsonNode members) {
        return members.valueStream().map(member -> member.get("login").asString()).toList();
    }

    private static JsonNode json(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return LecternClient.json(response);
    }
}
