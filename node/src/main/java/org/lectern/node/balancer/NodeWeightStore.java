package org.lectern.node.balancer;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.OptionalInt;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The weights operators set, in the database, so that a node restarted (or a whole cluster) keeps them. */
@Repository
class NodeWeightStore {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    NodeWeightStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    OptionalInt find(String nodeId) {
        List<Integer> weights = jdbc.queryForList("select weight from node_weights where node_id = ?", Integer.class,
                nodeId);
        return weights.isEmpty() ? OptionalInt.empty() : OptionalInt.of(weights.get(0));
    }

    /** Only the node itself writes its row, so update-or-insert needs no database-specific upsert. */
    void save(String nodeId, int weight) {
        Timestamp now = Timestamp.from(clock.instant());
        int updated = jdbc.update("update node_weights set weight = ?, changed_at = ? where node_id = ?", weight, now,
                nodeId);
        if (updated == 0) {
            jdbc.update("insert into node_weights (node_id, weight, changed_at) values (?, ?, ?)", nodeId, weight, now);
        }
    }
}
