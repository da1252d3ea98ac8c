package org.lectern.node.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lectern.node.support.LecternClient.json;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.lectern.node.course.CourseRole;
import org.lectern.node.exercise.Exercise;
import org.lectern.node.exercise.ExerciseCatalog;
import org.lectern.node.exercise.ExerciseMode;
import org.lectern.node.exercise.ExerciseType;
import org.lectern.node.exercise.Participation;
import org.lectern.node.exercise.ParticipationService;
import org.lectern.node.exercise.SubmissionContent;
import org.lectern.node.exercise.SubmissionService;
import org.lectern.node.support.NodeIntegrationTest;
import org.lectern.node.support.TestData;
import org.lectern.node.user.UserSummary;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class TeamIT extends NodeIntegrationTest {

    @Autowired
    TestData data;

    @Autowired
    ExerciseCatalog catalog;

    @Autowired
    ParticipationService participations;

    @Autowired
    SubmissionService submissions;

    long courseId;
    Exercise exercise;
    UserSummary tutor;
    UserSummary alice;
    UserSummary bob;
    UserSummary carol;

    @BeforeEach
    void setUp() {
        courseId = data.newCourse();
        exercise = FeatureFixtures.teamExercise(catalog, courseId);
        tutor = data.newMember(courseId, CourseRole.TUTOR);
        alice = data.newMember(courseId, CourseRole.STUDENT);
        bob = data.newMember(courseId, CourseRole.STUDENT);
        carol = data.newMember(courseId, CourseRole.STUDENT);
    }

    @Nested
    class Creating {

        @Test
        void shouldCreateATeamOwnedByTheTutorWithItsMembers() {
            HttpResponse<String> response = create(tutor, exercise.getId(), "Red", alice, bob);

            assertThat(response.statusCode()).isEqualTo(201);
            JsonNode team = json(response);
            assertThat(team.get("name").asString()).isEqualTo("Red");
            assertThat(team.get("owner").asString()).isEqualTo(tutor.login());
            assertThat(logins(team.get("members"))).containsExactlyInAnyOrder(alice.login(), bob.login());
        }

        @Test
        void shouldRefuseMembersWhoAreNotStudentsOfTheCourseWith400() {
            UserSummary outsider = data.newMember(data.newCourse(), CourseRole.STUDENT);

            HttpResponse<String> response = post(tutor, "/api/exercises/" + exercise.getId() + "/teams",
                    body("Red", alice.login(), tutor.login(), outsider.login(), "nobody-" + TestData.unique("x")));

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(json(response).get("detail").asString())
                    .contains(tutor.login(), outsider.login(), "nobody-")
                    .doesNotContain(alice.login());
            assertThat(teamCount()).isZero();
        }

        @Test
        void shouldRefuseAStudentAlreadyInAnotherTeamOfTheExerciseWith409() {
            create(tutor, exercise.getId(), "Red", alice, bob);

            HttpResponse<String> response = create(tutor, exercise.getId(), "Blue", carol, bob);

            assertThat(response.statusCode()).isEqualTo(409);
            assertThat(json(response).get("detail").asString()).contains(bob.login());
            assertThat(teamCount()).isEqualTo(1);
            assertThat(mine(carol).statusCode()).isEqualTo(404);
        }

        @Test
        void shouldLetOnlyOneOfTwoRacingTeamsHaveTheSameStudent() throws Exception {
            String token = token(tutor);
            List<Callable<Integer>> creations = new ArrayList<>();
            for (String name : List.of("Red", "Blue", "Green", "Black")) {
                creations.add(() -> client().post("/api/exercises/" + exercise.getId() + "/teams", token,
                        body(name, alice.login())).statusCode());
            }

            List<Integer> statuses = runConcurrently(creations);

            assertThat(statuses).containsOnlyOnce(201).containsOnly(201, 409);
            assertThat(teamCount()).isEqualTo(1);
        }

        @Test
        void shouldRefuseATeamForAnIndividualExerciseWith400() {
            Exercise individual = FeatureFixtures.exercise(catalog, courseId, ExerciseType.TEXT,
                    ExerciseMode.INDIVIDUAL, null);

            assertThat(create(tutor, individual.getId(), "Red", alice).statusCode()).isEqualTo(400);
            assertThat(get(tutor, "/api/exercises/" + individual.getId() + "/teams").statusCode()).isEqualTo(400);
        }

        @Test
        void shouldRefuseATutorOfAnotherCourseWith403() {
            UserSummary otherTutor = data.newMember(data.newCourse(), CourseRole.TUTOR);

            assertThat(create(otherTutor, exercise.getId(), "Red", alice).statusCode()).isEqualTo(403);
            assertThat(teamCount()).isZero();
        }

        @Test
        void shouldRefuseAStudentWith403() {
            assertThat(create(alice, exercise.getId(), "Red", alice, bob).statusCode()).isEqualTo(403);
            assertThat(teamCount()).isZero();
        }

        @Test
        void shouldRefuseATeamWithoutMembersWith400() {
            assertThat(post(tutor, "/api/exercises/" + exercise.getId() + "/teams", "{\"name\":\"Red\","
                    + "\"memberLogins\":[]}").statusCode()).isEqualTo(400);
            assertThat(teamCount()).isZero();
        }

        @Test
        void shouldAnswer404ForAnUnknownExercise() {
            assertThat(create(tutor, Long.MAX_VALUE, "Red", alice).statusCode()).isEqualTo(404);
        }
    }

    @Nested
    class Reading {

        @Test
        void shouldShowAStudentTheirOwnTeamWithTheMembersNames() {
            create(tutor, exercise.getId(), "Red", alice, bob);

            HttpResponse<String> response = mine(bob);

            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode team = json(response);
            assertThat(team.get("name").asString()).isEqualTo("Red");
            assertThat(logins(team.get("members"))).containsExactlyInAnyOrder(alice.login(), bob.login());
            assertThat(team.get("members").get(0).get("name").asString()).isEqualTo("Test User");
        }

        @Test
        void shouldAnswer404WhenTheStudentIsInNoTeam() {
            create(tutor, exercise.getId(), "Red", alice, bob);

            assertThat(mine(carol).statusCode()).isEqualTo(404);
        }

        @Test
        void shouldListTheTeamsPageByPageForTutors() {
            create(tutor, exercise.getId(), "Red", alice);
            create(tutor, exercise.getId(), "Blue", bob);

            JsonNode page = json(get(tutor, "/api/exercises/" + exercise.getId() + "/teams?size=1&page=1"));

            assertThat(page.get("content")).hasSize(1);
            assertThat(page.get("content").get(0).get("name").asString()).isEqualTo("Blue");
            assertThat(page.get("page").get("totalElements").asLong()).isEqualTo(2);
        }

        @Test
        void shouldNotListTheTeamsForStudentsWith403() {
            create(tutor, exercise.getId(), "Red", alice);

            assertThat(get(alice, "/api/exercises/" + exercise.getId() + "/teams").statusCode()).isEqualTo(403);
        }
    }

    @Nested
    class Changing {

        @Test
        void shouldLetTheOwnerRenameAndChangeTheMembers() {
            long teamId = json(create(tutor, exercise.getId(), "Red", alice, bob)).get("id").asLong();

            HttpResponse<String> response = FeatureFixtures.put(port, "/api/teams/" + teamId, token(tutor),
                    body("Crimson", bob.login(), carol.login()));

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(json(response).get("name").asString()).isEqualTo("Crimson");
            assertThat(mine(alice).statusCode()).isEqualTo(404);
            assertThat(json(mine(carol)).get("id").asLong()).isEqualTo(teamId);
            assertThat(logins(json(mine(bob)).get("members"))).containsExactlyInAnyOrder(bob.login(), carol.login());
        }

        @Test
        void shouldRefuseAnotherTutorOfTheCourseWith403AndChangeNothing() {
            long teamId = json(create(tutor, exercise.getId(), "Red", alice)).get("id").asLong();
            UserSummary otherTutor = data.newMember(courseId, CourseRole.TUTOR);

            assertThat(FeatureFixtures.put(port, "/api/teams/" + teamId, token(otherTutor), body("Blue", bob.login()))
                    .statusCode()).isEqualTo(403);
            assertThat(FeatureFixtures.delete(port, "/api/teams/" + teamId, token(otherTutor)).statusCode())
                    .isEqualTo(403);
            assertThat(json(mine(alice)).get("name").asString()).isEqualTo("Red");
        }

        @Test
        void shouldLetAnInstructorChangeATutorsTeam() {
            long teamId = json(create(tutor, exercise.getId(), "Red", alice)).get("id").asLong();
            UserSummary instructor = data.newMember(courseId, CourseRole.INSTRUCTOR);

            assertThat(FeatureFixtures.put(port, "/api/teams/" + teamId, token(instructor), body("Red", bob.login()))
                    .statusCode()).isEqualTo(200);
            assertThat(mine(bob).statusCode()).isEqualTo(200);
        }

        @Test
        void shouldRefuseToMoveAStudentInAnotherTeamWith409() {
            long red = json(create(tutor, exercise.getId(), "Red", alice)).get("id").asLong();
            create(tutor, exercise.getId(), "Blue", bob);

            assertThat(FeatureFixtures.put(port, "/api/teams/" + red, token(tutor), body("Red", alice.login(),
                    bob.login())).statusCode()).isEqualTo(409);
            assertThat(logins(json(mine(alice)).get("members"))).containsExactly(alice.login());
        }

        @Test
        void shouldFreezeTheMembersButAllowARenameOnceTheTeamHasSavedWork() {
            long teamId = json(create(tutor, exercise.getId(), "Red", alice, bob)).get("id").asLong();
            saveAs(alice, "draft");

            HttpResponse<String> refused = FeatureFixtures.put(port, "/api/teams/" + teamId, token(tutor),
                    body("Red", alice.login()));
            assertThat(refused.statusCode()).isEqualTo(409);
            assertThat(json(refused).get("detail").asString()).isEqualTo(
                    "Team 'Red' has saved work; its members can no longer change (renaming is still allowed).");
            assertThat(mine(bob).statusCode()).isEqualTo(200);
            assertThat(savedText(bob)).isEqualTo("draft");
            assertThat(FeatureFixtures.put(port, "/api/teams/" + teamId, token(tutor),
                    body("Crimson", alice.login(), bob.login())).statusCode()).isEqualTo(200);
            assertThat(json(mine(bob)).get("name").asString()).isEqualTo("Crimson");
        }

        @Test
        void shouldDeleteATeamWithoutSavedWork() {
            long teamId = json(create(tutor, exercise.getId(), "Red", alice)).get("id").asLong();

            assertThat(FeatureFixtures.delete(port, "/api/teams/" + teamId, token(tutor)).statusCode()).isEqualTo(204);
            assertThat(teamCount()).isZero();
            assertThat(mine(alice).statusCode()).isEqualTo(404);
        }

        @Test
        void shouldRefuseToDeleteATeamWithSavedWorkWith409() {
            long teamId = json(create(tutor, exercise.getId(), "Red", alice)).get("id").asLong();
            saveAs(alice, "draft");

            HttpResponse<String> refused = FeatureFixtures.delete(port, "/api/teams/" + teamId, token(tutor));
            assertThat(refused.statusCode()).isEqualTo(409);
            assertThat(json(refused).get("detail").asString())
                    .isEqualTo("Team 'Red' has saved work and cannot be deleted: the work would go with it.");
            assertThat(teamCount()).isEqualTo(1);
            assertThat(savedText(alice)).isEqualTo("draft");
        }

        @Test
        void shouldDeleteATeamAndChangeItsMembersWhenItsParticipationHasNoSavedWork() {
            long teamId = json(create(tutor, exercise.getId(), "Red", alice, bob)).get("id").asLong();
            participations.participationFor(exercise, alice.id(), false);

            assertThat(FeatureFixtures.put(port, "/api/teams/" + teamId, token(tutor), body("Red", alice.login()))
                    .statusCode()).isEqualTo(200);
            assertThat(FeatureFixtures.delete(port, "/api/teams/" + teamId, token(tutor)).statusCode()).isEqualTo(204);
            assertThat(teamCount()).isZero();
        }

        @Test
        void shouldAnswer404ForAnUnknownTeam() {
            assertThat(FeatureFixtures.delete(port, "/api/teams/" + Long.MAX_VALUE, token(tutor)).statusCode())
                    .isEqualTo(404);
        }
    }

    @Nested
    class SharedParticipation {

        @Test
        void shouldLetTwoMembersSaveIntoOneParticipationAndSeeTheSameLatestVersion() {
            create(tutor, exercise.getId(), "Red", alice, bob);

            Participation ofAlice = participations.participationFor(exercise, alice.id(), false);
            Participation ofBob = participations.participationFor(exercise, bob.id(), false);
            submissions.save(ofAlice.getId(), SubmissionContent.ofText("alice wrote"), "k1", false, alice.id());
            submissions.save(ofBob.getId(), SubmissionContent.ofText("bob improved"), "k2", false, bob.id());

            assertThat(ofBob.getId()).isEqualTo(ofAlice.getId());
            assertThat(ofAlice.getTeamId()).isNotNull();
            assertThat(submissions.latest(ofAlice.getId()).orElseThrow().getVersion()).isEqualTo(2);
            assertThat(submissions.latest(ofAlice.getId()).orElseThrow().getContent().text()).isEqualTo("bob improved");
            assertThat(participations.belongsTo(ofAlice, bob.id())).isTrue();
            assertThat(participations.belongsTo(ofAlice, carol.id())).isFalse();
        }
    }

    private void saveAs(UserSummary student, String text) {
        Participation participation = participations.participationFor(exercise, student.id(), false);
        submissions.save(participation.getId(), SubmissionContent.ofText(text), TestData.unique("k"), false,
                student.id());
    }

    /** The text the student's team saved last. */
    private String savedText(UserSummary student) {
        Participation participation = participations.existingParticipation(exercise, student.id(), false)
                .orElseThrow();
        return submissions.latest(participation.getId()).orElseThrow().getContent().text();
    }

    private long teamCount() {
        return json(get(tutor, "/api/exercises/" + exercise.getId() + "/teams")).get("page").get("totalElements")
                .asLong();
    }

    private HttpResponse<String> create(UserSummary caller, long exerciseId, String name, UserSummary... members) {
        String[] logins = java.util.Arrays.stream(members).map(UserSummary::login).toArray(String[]::new);
        return post(caller, "/api/exercises/" + exerciseId + "/teams", body(name, logins));
    }

    private HttpResponse<String> mine(UserSummary student) {
        return get(student, "/api/exercises/" + exercise.getId() + "/teams/mine");
    }

    private HttpResponse<String> post(UserSummary caller, String path, String body) {
        return client().post(path, token(caller), body);
    }

    private HttpResponse<String> get(UserSummary caller, String path) {
        return client().get(path, token(caller));
    }

    private String token(UserSummary user) {
        return client().tokenFor(user.login(), TestData.PASSWORD);
    }

    private static String body(String name, String... logins) {
        return "{\"name\":\"%s\",\"memberLogins\":[%s]}".formatted(name,
                String.join(",", java.util.Arrays.stream(logins).map(l -> "\"" + l + "\"").toList()));
    }

    private static List<String> logins(JsonNode members) {
        List<String> logins = new ArrayList<>();
        members.forEach(member -> logins.add(member.get("login").asString()));
        return logins;
    }

    private static <T> List<T> runConcurrently(List<Callable<T>> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(work.size());
        try {
            List<T> results = new ArrayList<>();
            for (Future<T> result : pool.invokeAll(work)) {
                results.add(result.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
