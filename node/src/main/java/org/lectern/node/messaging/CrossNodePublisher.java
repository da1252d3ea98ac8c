package org.lectern.node.messaging;

import org.lectern.shared.realtime.Sequenced;

/** Sends a sequenced message once to every node that follows its destination; {@link NodeRelay} in the node. */
interface CrossNodePublisher {

    /**
     * @param key the destination as published ({@code /topic/...} or {@code /user/{login}/queue/...})
     * @return whether the broker took it; if not, every node fills it from the replay log once the broker is back
     */
    boolean publish(String key, Sequenced<?> envelope);
}
