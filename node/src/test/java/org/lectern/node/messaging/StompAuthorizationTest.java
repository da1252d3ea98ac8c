package org.lectern.node.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.lectern.shared.topics.AccessRule;
import org.springframework.messaging.Message;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ExecutorSubscribableChannel;
import org.springframework.messaging.support.MessageBuilder;

class StompAuthorizationTest {

    private static final Principal ALICE = () -> "alice";

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<String> asked = new ArrayList<>();
    private boolean answer = true;
    private final StompAuthorization authorization = new StompAuthorization(new DestinationRules((login, rule, ids) -> {
        asked.add(login + " " + rule + " " + ids);
        return answer;
    }), meters, "node-t");
    private final ExecutorSubscribableChannel channel = new ExecutorSubscribableChannel();

    @Nested
    class Subscribe {

        @Test
        void shouldAskTheAuthorizerWithTheRuleAndIdsOfTheDeclaration() {
            Message<byte[]> frame = frame(StompCommand.SUBSCRIBE, "/topic/courses/42/tutors", ALICE);

            assertThat(authorization.preSend(frame, channel)).isSameAs(frame);
            assertThat(asked).containsExactly("alice " + AccessRule.COURSE_TUTOR + " " + Map.of("courseId", 42L));
        }

        @Test
        void shouldAdmitOwnPersonalDestinationsWithoutAsking() {
            authorization.preSend(frame(StompCommand.SUBSCRIBE, "/user/queue/control", ALICE), channel);

            assertThat(asked).isEmpty();
        }

        @Test
        void shouldRefuseAndCountWhatTheAuthorizerForbids() {
            answer = false;

            assertThatThrownBy(() -> authorization.preSend(
                    frame(StompCommand.SUBSCRIBE, "/topic/exams/7/staff", ALICE), channel))
                    .isInstanceOf(StompAccessDeniedException.class)
                    .hasMessageContaining("Access denied: SUBSCRIBE /topic/exams/7/staff (forbidden)");
            assertThat(refused("SUBSCRIBE", "forbidden")).isEqualTo(1);
        }

        @Test
        void shouldRefuseAWildcardWithoutAsking() {
            assertThatThrownBy(() -> authorization.preSend(
                    frame(StompCommand.SUBSCRIBE, "/topic/courses/*/students", ALICE), channel))
                    .hasMessageContaining("(wildcard)");
            assertThat(asked).isEmpty();
            assertThat(refused("SUBSCRIBE", "wildcard")).isEqualTo(1);
        }

        @Test
        void shouldRefuseAnApplicationDestinationAsASubscription() {
            assertThatThrownBy(() -> authorization.preSend(
                    frame(StompCommand.SUBSCRIBE, "/app/replay", ALICE), channel))
                    .hasMessageContaining("(undeclared)");
            assertThat(refused("SUBSCRIBE", "undeclared")).isEqualTo(1);
        }

        @Test
        void shouldRefuseASubscriptionWithoutUser() {
            assertThatThrownBy(() -> authorization.preSend(
                    frame(StompCommand.SUBSCRIBE, "/topic/system", null), channel))
                    .hasMessageContaining("(forbidden)");
        }

        @Test
        void shouldRefuseASubscriptionWithoutDestination() {
            assertThatThrownBy(() -> authorization.preSend(frame(StompCommand.SUBSCRIBE, null, ALICE), channel))
                    .hasMessageContaining("(undeclared)");
        }
    }

    @Nested
    class Send {

        @Test
        void shouldLetADeclaredApplicationDestinationThrough() {
            Message<byte[]> frame = frame(StompCommand.SEND, "/app/teams/5/presence", ALICE);

            assertThat(authorization.preSend(frame, channel)).isSameAs(frame);
            assertThat(asked).containsExactly("alice " + AccessRule.TEAM_MEMBER + " " + Map.of("teamId", 5L));
        }

        @Test
        void shouldRefuseASendToATopicOrQueue() {
            for (String destination : List.of("/topic/system", "/user/queue/notifications", "/queue/x")) {
                assertThatThrownBy(() -> authorization.preSend(frame(StompCommand.SEND, destination, ALICE), channel))
                        .hasMessageContaining("(undeclared)");
            }
            assertThat(refused("SEND", "undeclared")).isEqualTo(3);
        }
    }

    @Test
    void shouldLetOtherCommandsThrough() {
        for (StompCommand command : List.of(StompCommand.CONNECT, StompCommand.UNSUBSCRIBE, StompCommand.DISCONNECT)) {
            Message<byte[]> frame = frame(command, null, ALICE);
            assertThat(authorization.preSend(frame, channel)).isSameAs(frame);
        }
        assertThat(meters.getMeters()).isEmpty();
    }

    private double refused(String command, String reason) {
        return meters.get(StompAuthorization.REFUSED_METER).tag("command", command).tag("reason", reason)
                .counter().count();
    }

    private static Message<byte[]> frame(StompCommand command, String destination, Principal user) {
        StompHeaderAccessor accessor = StompHeaderAccessor.create(command);
        if (destination != null) {
            accessor.setDestination(destination);
        }
        accessor.setUser(user);
        return MessageBuilder.createMessage(new byte[0], accessor.getMessageHeaders());
    }
}
