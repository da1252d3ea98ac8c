package org.lectern.shared.topics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class TopicRegistryTest {

    static Stream<TopicDeclaration> declarations() {
        return TopicRegistry.all().stream();
    }

    @Nested
    class Declared {

        @ParameterizedTest
        @MethodSource("org.lectern.shared.topics.TopicRegistryTest#declarations")
        void shouldMatchEveryDeclaredDestinationWithItsIds(TopicDeclaration declaration) {
            long[] ids = declaration.idNames().stream().mapToLong(name -> 1000L + name.length()).toArray();
            String destination = declaration.destination(ids);

            assertThat(TopicRegistry.match(destination)).hasValueSatisfying(match -> {
                assertThat(match.declaration()).isEqualTo(declaration);
                for (int i = 0; i < ids.length; i++) {
                    assertThat(match.ids()).containsEntry(declaration.idNames().get(i), ids[i]);
                }
                assertThat(match.ids()).hasSize(ids.length);
            });
        }

        @Test
        void shouldReadTheCourseIdOfACourseTopic() {
            assertThat(TopicRegistry.match("/topic/courses/42/students")).hasValueSatisfying(match -> {
                assertThat(match.declaration()).isEqualTo(TopicRegistry.COURSE_STUDENTS);
                assertThat(match.ids()).isEqualTo(Map.of("courseId", 42L));
            });
        }

        @Test
        void shouldMatchTheLargestId() {
            assertThat(TopicRegistry.match("/topic/teams/" + Long.MAX_VALUE))
                    .hasValueSatisfying(match -> assertThat(match.ids()).containsEntry("teamId", Long.MAX_VALUE));
        }

        @Test
        void shouldMatchPersonalDestinationsOnlyWithTheUserPrefix() {
            assertThat(TopicRegistry.match("/user/queue/notifications"))
                    .hasValueSatisfying(match -> assertThat(match.declaration().rule()).isEqualTo(AccessRule.OWN_USER));
            assertThat(TopicRegistry.match("/queue/notifications")).isEmpty();
        }

        @Test
        void shouldDeclareEveryDestinationOnce() {
            assertThat(TopicRegistry.all()).extracting(TopicDeclaration::clientPattern).doesNotHaveDuplicates();
        }

        @Test
        void shouldGiveEachKindItsPrefix() {
            assertThat(TopicRegistry.all()).allSatisfy(declaration -> assertThat(declaration.clientPattern())
                    .startsWith(switch (declaration.kind()) {
                        case PERSONAL -> "/user/queue/";
                        case TOPIC -> "/topic/";
                        case APPLICATION -> "/app/";
                    }));
        }
    }

    @Nested
    class Refused {

        @ParameterizedTest
        @ValueSource(strings = {"/topic/courses/*/students", "/topic/courses/#", "/topic/courses/>",
                "/topic/courses/1/*", "/topic/>", "/topic/#", "/topic/*", "/user/queue/*", "/topic/courses/1/students.*"})
        void shouldNotMatchWildcards(String destination) {
            assertThat(TopicRegistry.match(destination)).isEmpty();
            assertThat(TopicRegistry.hasWildcard(destination)).isTrue();
        }

        @ParameterizedTest
        @ValueSource(strings = {"/topic/courses/1/lecturers", "/topic/anything", "/queue/anything", "/app/anything",
                "/user/queue/anything", "/topic/lectern.user-registry", "/topic/lectern.unresolved-user",
                "/topic/courses", "/topic/courses/1", "/", "", "topic/system", "/TOPIC/system", "/topic/System"})
        void shouldNotMatchUndeclaredDestinations(String destination) {
            assertThat(TopicRegistry.match(destination)).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"/topic/courses/abc/students", "/topic/courses/-1/students",
                "/topic/courses/+1/students", "/topic/courses/0/students", "/topic/courses/01/students",
                "/topic/courses/1.0/students", "/topic/courses/1e3/students", "/topic/courses/ 1/students",
                "/topic/courses/9223372036854775808/students", "/topic/courses/99999999999999999999/students",
                "/topic/courses/\u0661/students", "/topic/courses/{courseId}/students", "/topic/courses//students"})
        void shouldNotMatchMalformedIds(String destination) {
            assertThat(TopicRegistry.match(destination)).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"/topic/courses/1/students/../tutors", "/topic/courses/1/../2/students",
                "/topic/courses/1/./students", "//topic/courses/1/students", "/topic//courses/1/students",
                "/topic/courses/1/students/", "/topic/courses/1/students/extra", "/topic/system/", "/topic/system/x",
                "/user/other/queue/notifications", "/user//queue/notifications", "/user/queue/notifications/",
                "/queue/notifications-user1234", "/user/queue/notifications-user1234",
                "/topic/courses/1/students?x=1", "/topic/courses/1/students;x"})
        void shouldNotMatchPathTricks(String destination) {
            assertThat(TopicRegistry.match(destination)).isEmpty();
        }

        @Test
        void shouldNotMatchNothing() {
            assertThat(TopicRegistry.match(null)).isEmpty();
        }

        @Test
        void shouldNotMatchAnOverlongDestination() {
            assertThat(TopicRegistry.match("/topic/system" + "/".repeat(10_000))).isEmpty();
        }
    }
}
