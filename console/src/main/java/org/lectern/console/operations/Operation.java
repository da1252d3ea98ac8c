package org.lectern.console.operations;

import java.time.Instant;
import java.util.List;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One operation an operator started (a weight change, a drain, a rolling update…): a list of steps run in order,
 * halting at the first failure. Lives on the FX thread; {@link OperationsViewModel} moves it forward.
 */
public final class Operation {

    private final String title;
    private final List<Step> steps;
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "Starting");
    private final ReadOnlyObjectWrapper<OperationState> state =
            new ReadOnlyObjectWrapper<>(this, "state", OperationState.RUNNING);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private int current;
    private boolean sending;
    private boolean confirmed;
    private String lastCommandId;
    private Instant lastSentAt;

    Operation(String title, List<Step> steps) {
        this.title = title;
        this.steps = List.copyOf(steps);
    }

    public String title() {
        return title;
    }

    /** What is happening now, for the operator, e.g. {@code node-2 is DRAINING: 12 sessions left}. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<OperationState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** Share of steps done, 0 to 1. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public OperationState state() {
        return state.get();
    }

    public String status() {
        return status.get();
    }

    /** The id of the command sent last, or null before the first one. */
    public String lastCommandId() {
        return lastCommandId;
    }

    Step currentStep() {
        return steps.get(current);
    }

    boolean sending() {
        return sending;
    }

    void sending(boolean underWay) {
        sending = underWay;
    }

    void sent(String commandId, Instant at) {
        sending = false;
        lastCommandId = commandId;
        lastSentAt = at;
        next();
    }

    Instant lastSentAt() {
        return lastSentAt;
    }

    boolean takeConfirmation() {
        boolean was = confirmed;
        confirmed = false;
        return was;
    }

    void confirm() {
        if (state.get() == OperationState.WAITING_FOR_OPERATOR) {
            confirmed = true;
            state.set(OperationState.RUNNING);
        }
    }

    void waitForOperator(String prompt) {
        state.set(OperationState.WAITING_FOR_OPERATOR);
        status.set(prompt);
    }

    void report(String text) {
        status.set(text);
    }

    void next() {
        current++;
        progress.set((double) current / steps.size());
        if (current == steps.size()) {
            state.set(OperationState.COMPLETED);
            status.set("Done");
        }
    }

    void fail(String reason) {
        sending = false;
        state.set(OperationState.FAILED);
        status.set(reason);
    }

    void cancel() {
        if (!state.get().finished()) {
            state.set(OperationState.CANCELLED);
            status.set("Cancelled by the operator; steps already taken stay in effect");
        }
    }
}
