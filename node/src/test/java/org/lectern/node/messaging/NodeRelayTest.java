package org.lectern.node.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NodeRelayTest {

    @Test
    void shouldCarryATopicOnItsOwnAddress() {
        assertThat(NodeRelay.brokerAddress("/topic/courses/1/students")).isEqualTo("/topic/courses/1/students");
    }

    @Test
    void shouldCarryEveryPersonalDestinationOfAUserOnTheUsersOneAddress() {
        assertThat(NodeRelay.brokerAddress("/user/student1/queue/results"))
                .isEqualTo(NodeRelay.brokerAddress("/user/student1/queue/notifications"))
                .isEqualTo("/topic/lectern.user.student1");
    }

    @Test
    void shouldEscapeWhatTheBrokerReadsAsSeparatorsOrWildcardsWhenALoginHasThem() {
        assertThat(NodeRelay.addressSafe("a.b*c#d")).isEqualTo("a~2Eb~2Ac~23d");
        assertThat(NodeRelay.addressSafe("jürgen")).isEqualTo("j~C3~BCrgen");
        assertThat(NodeRelay.addressSafe("a~2E")).as("the escape character is escaped too").isEqualTo("a~7E2E");
    }
}
