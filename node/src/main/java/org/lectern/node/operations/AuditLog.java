package org.lectern.node.operations;

import java.util.List;
import org.lectern.node.cluster.OperatorCommandChannel;
import org.lectern.shared.operations.AuditEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The operators' audit log: every line in the database, recent ones also shown to consoles through the cluster. */
@Service
class AuditLog {

    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);

    private final AuditLineRepository lines;
    private final OperatorCommandChannel channel;

    AuditLog(AuditLineRepository lines, OperatorCommandChannel channel) {
        this.lines = lines;
        this.channel = channel;
    }

    /** Writes a line; {@code key} is where consoles see it (a command's latest line replaces its earlier one). */
    @Transactional
    public void write(String key, AuditEntry entry) {
        lines.save(new AuditLine(entry));
        LOG.info("Audit: {} ordered {} on {} ({}): {} - {}", entry.operator(), entry.kind(), entry.targetNodeId(),
                entry.argument(), entry.outcome(), entry.message());
        try {
            channel.showAudit(key, entry);
        } catch (RuntimeException e) {
            LOG.warn("Could not show the audit line of command {} in the cluster; the database has it: {}",
                    entry.commandId(), e.toString());
        }
    }

    @Transactional(readOnly = true)
    public boolean knows(String commandId) {
        return lines.existsByCommandId(commandId);
    }

    @Transactional(readOnly = true)
    public List<AuditEntry> linesOf(String commandId) {
        return lines.findByCommandIdOrderByIdAsc(commandId).stream().map(AuditLine::toEntry).toList();
    }
}
