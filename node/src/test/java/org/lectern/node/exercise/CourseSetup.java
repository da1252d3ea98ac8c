package org.lectern.node.exercise;

import java.net.http.HttpResponse;
import java.time.Instant;
import org.lectern.node.course.ApiCalls;
import org.lectern.node.course.CourseRole;
import org.lectern.node.support.LecternClient;
import org.lectern.node.support.TestData;

/** A fresh course with an instructor, a tutor and two students, all logged in, and ways to add exercises. */
final class CourseSetup {

    final LecternClient client;
    final ApiCalls api;
    final long courseId;
    final String instructor;
    final String tutor;
    final String student;
    final String otherStudent;
    final long studentId;

    CourseSetup(TestData fixtures, int port) {
        client = new LecternClient("http://127.0.0.1:" + port);
        api = new ApiCalls(port);
        courseId = fixtures.newCourse();
        instructor = login(fixtures, CourseRole.INSTRUCTOR);
        tutor = login(fixtures, CourseRole.TUTOR);
        var studentUser = fixtures.newMember(courseId, CourseRole.STUDENT);
        studentId = studentUser.id();
        student = client.tokenFor(studentUser.login(), TestData.PASSWORD);
        otherStudent = login(fixtures, CourseRole.STUDENT);
    }

    private String login(TestData fixtures, CourseRole role) {
        return client.tokenFor(fixtures.newMember(courseId, role).login(), TestData.PASSWORD);
    }

    static String exerciseJson(String type, String mode, Instant release, Instant due, Instant assessmentDue,
            String fileExtensions, Long maxFileSizeBytes) {
        return "{\"type\":\"" + type + "\",\"mode\":\"" + mode + "\",\"title\":\"" + type + " exercise\","
                + "\"problemStatement\":\"Do it.\",\"maxPoints\":10,"
                + "\"releaseDate\":" + quoted(release) + ",\"dueDate\":" + quoted(due)
                + ",\"assessmentDueDate\":" + quoted(assessmentDue)
                + ",\"fileExtensions\":" + quoted(fileExtensions) + ",\"maxFileSizeBytes\":" + maxFileSizeBytes + "}";
    }

    /** An individual exercise released an hour ago, due in an hour. */
    long openExercise(String type) {
        return exercise(type, "INDIVIDUAL", Instant.now().minusSeconds(3600), Instant.now().plusSeconds(3600), null,
                null);
    }

    long exercise(String type, String mode, Instant release, Instant due, String fileExtensions, Long maxBytes) {
        HttpResponse<String> response = createExercise(exerciseJson(type, mode, release, due, null, fileExtensions,
                maxBytes));
        if (response.statusCode() != 201) {
            throw new AssertionError("creating an exercise answered " + response.statusCode() + ": " + response.body());
        }
        return LecternClient.json(response).get("id").asLong();
    }

    HttpResponse<String> createExercise(String json) {
        return client.post("/api/courses/" + courseId + "/exercises", instructor, json);
    }

    HttpResponse<String> saveText(long exerciseId, String token, String text, String key) {
        return api.put("/api/exercises/" + exerciseId + "/submission", token,
                "{\"text\":\"" + text + "\"}", key);
    }

    HttpResponse<String> upload(long exerciseId, String token, String fileName, byte[] content, String key) {
        return api.upload("/api/exercises/" + exerciseId + "/submission/file", token, fileName, content, key);
    }

    private static String quoted(Object value) {
        return value == null ? "null" : "\"" + value + "\"";
    }
}
