package org.lectern.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StompSessionTest {

    @Test
    void shouldReadCommandHeadersAndBodyOfAMessage() {
        StompSession.Frame frame = StompSession.parse("MESSAGE\ndestination:/user/queue/submissions\nlectern-seq:7\n"
                + "content-type:application/json\n\n{\"seq\":7}\0");

        assertThat(frame.command()).isEqualTo("MESSAGE");
        assertThat(frame.header("destination")).isEqualTo("/user/queue/submissions");
        assertThat(frame.header("lectern-seq")).isEqualTo("7");
        assertThat(frame.body()).isEqualTo("{\"seq\":7}");
    }

    @Test
    void shouldSkipHeartBeatsBeforeAFrame() {
        StompSession.Frame frame = StompSession.parse("\n\nCONNECTED\nversion:1.2\n\n\0");

        assertThat(frame.command()).isEqualTo("CONNECTED");
        assertThat(frame.header("version")).isEqualTo("1.2");
        assertThat(frame.body()).isEmpty();
    }

    @Test
    void shouldAnswerNothingForAHeartBeatAlone() {
        assertThat(StompSession.parse("\n")).isNull();
    }

    @Test
    void shouldUnescapeHeaderValuesAndKeepTheFirstOfRepeatedHeaders() {
        StompSession.Frame frame = StompSession.parse("ERROR\nmessage:a\\cb\\nc\nmessage:second\n\n\0");

        assertThat(frame.header("message")).isEqualTo("a:b\nc");
    }
}
