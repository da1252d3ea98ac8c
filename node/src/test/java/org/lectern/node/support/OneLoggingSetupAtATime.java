package org.lectern.node.support;

import java.util.concurrent.Semaphore;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.event.ApplicationStartingEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;

/**
 * Lets nodes start concurrently in one JVM: Spring Boot's logging set-up is global and breaks when two
 * applications run it at once, so it runs one application at a time; everything after it (the Hazelcast member,
 * the broker, the web server) runs concurrently. One instance per application being started.
 */
public final class OneLoggingSetupAtATime implements ApplicationListener<ApplicationEvent>, Ordered {

    private static final Semaphore SETUP = new Semaphore(1);

    private boolean holding;

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        if (event instanceof ApplicationStartingEvent) {
            SETUP.acquireUninterruptibly();
            holding = true;
        } else if (event instanceof ApplicationPreparedEvent || event instanceof ApplicationFailedEvent) {
            release();
        }
    }

    private void release() {
        if (holding) {
            holding = false;
            SETUP.release();
        }
    }

    /** After Spring Boot's logging listener, which also handles the prepared event. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
