package org.lectern.node.transaction;

import java.util.function.Consumer;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The one way to run work once the running transaction has ended: what others may only see after the commit (live
 * events, records kept in the cluster, flushed saves marked stored), or what must be undone whatever the outcome.
 * Spring offers {@code @TransactionalEventListener} for the same, but it needs an event type and a listener bean for
 * each of these one-line actions.
 */
public final class AfterTransaction {

    private AfterTransaction() {
    }

    /** Runs {@code action} after the running transaction commits, never after a rollback; at once without one. */
    public static void afterCommit(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }

    /**
     * Runs {@code action} once the running transaction has ended, told whether it committed; not at all without a
     * transaction, since there is then nothing to wait for.
     */
    public static void afterCompletion(Consumer<Boolean> action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                action.accept(status == STATUS_COMMITTED);
            }
        });
    }
}
