package org.lectern.node.messaging;

import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.stereotype.Component;

@Component
class StompUserMessaging implements UserMessaging {

    private final SimpMessagingTemplate template;

    StompUserMessaging(SimpMessagingTemplate template) {
        this.template = template;
    }

    @Override
    public void sendToUser(String login, String destination, Object payload) {
        LiveDelivery.send(destination, () -> template.convertAndSendToUser(login, destination, payload));
    }
}
