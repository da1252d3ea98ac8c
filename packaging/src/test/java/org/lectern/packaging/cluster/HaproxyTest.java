package org.lectern.packaging.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

import org.junit.jupiter.api.Test;

class HaproxyTest {

    @Test
    void shouldReadTheNodesOfTheBackendWhenShowStatAnswers() throws Exception {
        String csv = "# pxname,svname,scur,status,weight,check_status,agent_status,\n"
                + "lectern,FRONTEND,3,OPEN,,,,\n"
                + "nodes,node-1,2,UP,100,L7OK,L7OK,\n"
                + "nodes,node-2,1,\"UP 1/2\",50,\"L7OK, slow\",,\n"
                + "nodes,BACKEND,3,UP,150,,,\n"
                + "stats,node-9,0,UP,1,,,\n";

        assertThat(Haproxy.servers(csv)).containsOnlyKeys("node-1", "node-2")
                .containsEntry("node-1", new Haproxy.ServerState("node-1", "UP", 100, 2, "L7OK", "L7OK"))
                .containsEntry("node-2", new Haproxy.ServerState("node-2", "UP 1/2", 50, 1, "L7OK, slow", ""));
    }

    @Test
    void shouldRefuseTheAnswerWhenItIsNotShowStatCsv() {
        assertThatIOException().isThrownBy(() -> Haproxy.servers("Unknown command.\n"));
    }
}
