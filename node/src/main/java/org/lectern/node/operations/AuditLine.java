package org.lectern.node.operations;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.lectern.shared.operations.AuditEntry;
import org.lectern.shared.operations.CommandKind;
import org.lectern.shared.operations.CommandOutcome;

/** One line of the operators' audit log; never changed once written. */
@Entity
@Table(name = "operator_audit")
class AuditLine {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "command_id", nullable = false, length = 64)
    private String commandId;

    @Column(name = "acted_at", nullable = false)
    private Instant at;

    @Column(nullable = false, length = 200)
    private String operator;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private CommandKind kind;

    @Column(name = "target_node_id", nullable = false, length = 64)
    private String targetNodeId;

    @Column(nullable = false, length = 1000)
    private String argument;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private CommandOutcome outcome;

    @Column(name = "node_id", nullable = false, length = 64)
    private String nodeId;

    @Column(nullable = false, length = 2000)
    private String message;

    protected AuditLine() {
    }

    /** Cut to the columns' sizes: a forged command may carry anything, and its line must still be written. */
    AuditLine(AuditEntry entry) {
        this.commandId = cut(entry.commandId(), 64);
        this.at = Instant.ofEpochMilli(entry.atMillis());
        this.operator = cut(entry.operator(), 200);
        this.kind = entry.kind();
        this.targetNodeId = cut(entry.targetNodeId(), 64);
        this.argument = cut(entry.argument(), 1000);
        this.outcome = entry.outcome();
        this.nodeId = cut(entry.nodeId(), 64);
        this.message = cut(entry.message(), 2000);
    }

    AuditEntry toEntry() {
        return new AuditEntry(commandId, at.toEpochMilli(), operator, kind, targetNodeId, argument, outcome, nodeId,
                message);
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
