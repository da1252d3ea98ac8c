package org.lectern.node.operations;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface AuditLineRepository extends JpaRepository<AuditLine, Long> {

    boolean existsByCommandId(String commandId);

    List<AuditLine> findByCommandIdOrderByIdAsc(String commandId);
}
