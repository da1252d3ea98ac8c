package org.lectern.node.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;

class AfterTransactionTest {

    private final List<String> ran = new ArrayList<>();

    @AfterEach
    void endSynchronization() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void shouldRunAtOnceWithoutATransactionAndCompletionWorkNotAtAll() {
        AfterTransaction.afterCommit(() -> ran.add("commit"));
        AfterTransaction.afterCompletion(committed -> ran.add("completion " + committed));

        assertThat(ran).containsExactly("commit");
    }

    @Test
    void shouldWaitForTheCommitAndTellCompletionThatItCommitted() {
        TransactionSynchronizationManager.initSynchronization();
        AfterTransaction.afterCommit(() -> ran.add("commit"));
        AfterTransaction.afterCompletion(committed -> ran.add("completion " + committed));
        assertThat(ran).isEmpty();

        List<TransactionSynchronization> registered = TransactionSynchronizationManager.getSynchronizations();
        TransactionSynchronizationUtils.invokeAfterCommit(registered);
        TransactionSynchronizationUtils.invokeAfterCompletion(registered, TransactionSynchronization.STATUS_COMMITTED);

        assertThat(ran).containsExactly("commit", "completion true");
    }

    @Test
    void shouldSkipCommitWorkAfterARollbackAndTellCompletionSo() {
        TransactionSynchronizationManager.initSynchronization();
        AfterTransaction.afterCommit(() -> ran.add("commit"));
        AfterTransaction.afterCompletion(committed -> ran.add("completion " + committed));

        TransactionSynchronizationUtils.invokeAfterCompletion(TransactionSynchronizationManager.getSynchronizations(),
                TransactionSynchronization.STATUS_ROLLED_BACK);

        assertThat(ran).containsExactly("completion false");
    }
}
