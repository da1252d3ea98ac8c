package org.lectern.node.messaging;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Operator controls of this node's real-time clients; under {@code /api/admin}, so administrators only. */
@RestController
@Validated
class ClientControlController {

    private final ClientControl control;

    ClientControlController(ClientControl control) {
        this.control = control;
    }

    @PostMapping("/api/admin/nodes/self/reconnect-clients")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ReconnectOrder reconnectClients(
            @RequestParam(defaultValue = "30") @Min(1) @Max(3600) int windowSeconds) {
        Duration window = Duration.ofSeconds(windowSeconds);
        int sessions = control.reconnectElsewhere(window, "requested by an administrator");
        return new ReconnectOrder(sessions, window.toMillis());
    }

    /** @param sessions how many sessions on this node were told */
    record ReconnectOrder(int sessions, long reconnectWithinMillis) {
    }
}
