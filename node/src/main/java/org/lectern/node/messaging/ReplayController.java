package org.lectern.node.messaging;

import java.security.Principal;
import org.lectern.shared.realtime.Realtime;
import org.lectern.shared.realtime.ReplayRequest;
import org.lectern.shared.realtime.ReplayResponse;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.messaging.simp.annotation.SendToUser;
import org.springframework.stereotype.Controller;
import tools.jackson.databind.JsonNode;

/** {@code /app/replay}: a client catches up on a destination; the answer goes to the asking session only. */
@Controller
class ReplayController {

    private final ReliableMessaging messaging;

    ReplayController(ReliableMessaging messaging) {
        this.messaging = messaging;
    }

    @MessageMapping("/replay")
    @SendToUser(destinations = Realtime.REPLAY_QUEUE, broadcast = false)
    ReplayResponse<JsonNode> replay(@Payload ReplayRequest request, Principal caller) {
        return messaging.replay(caller, request);
    }
}
