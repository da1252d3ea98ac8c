package org.lectern.node.exercise;

import java.sql.DatabaseMetaData;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.H2SequenceMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.PostgresSequenceMaxValueIncrementer;
import org.springframework.stereotype.Component;

/**
 * Submission ids for live saves, in blocks from the database sequence {@code live_submission_ids} (migration V42):
 * the database hands out each block once, whatever the cluster's state, so the halves of a split cannot give two
 * saves the same id (a counter in a cluster map could: each half kept a copy). A node holds its current block and
 * one spare that {@link #topUp()} fetches off the save path, so saves go on through a database outage until both
 * are used (10,000 saves per node); only then does a save need the database.
 */
@Component
class LiveSubmissionIds {

    /** The sequence's increment: each value it hands out starts a block of this many ids. */
    static final long BLOCK = 5_000;
    private static final String SEQUENCE = "live_submission_ids";
    private static final Logger LOG = LoggerFactory.getLogger(LiveSubmissionIds.class);

    private final DataSource dataSource;
    private volatile DataFieldMaxValueIncrementer sequence;
    private long next;
    private long end;
    /** The first id of a block fetched ahead, or -1. */
    private long spare = -1;

    LiveSubmissionIds(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A new id; asks the database only when this node holds no block at all. */
    synchronized long next() {
        if (next == end) {
            long start = spare >= 0 ? spare : fetch();
            spare = -1;
            next = start;
            end = start + BLOCK;
        }
        return next++;
    }

    /** Fetches a spare block if there is none, outside the save path (the flusher's rounds call it). */
    void topUp() {
        synchronized (this) {
            if (spare >= 0) {
                return;
            }
        }
        try {
            long fetched = fetch();
            synchronized (this) {
                if (spare < 0) {
                    spare = fetched;
                }
            }
        } catch (DataAccessException databaseAway) {
            LOG.debug("No spare block of live submission ids while the database is away: {}", databaseAway.toString());
        }
    }

    private long fetch() {
        DataFieldMaxValueIncrementer incrementer = sequence;
        if (incrementer == null) {
            incrementer = isPostgres()
                    ? new PostgresSequenceMaxValueIncrementer(dataSource, SEQUENCE)
                    : new H2SequenceMaxValueIncrementer(dataSource, SEQUENCE);
            sequence = incrementer;
        }
        return incrementer.nextLongValue();
    }

    private boolean isPostgres() {
        try {
            String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
            return "PostgreSQL".equals(JdbcUtils.commonDatabaseName(product));
        } catch (MetaDataAccessException e) {
            throw new DataAccessResourceFailureException("Cannot tell the database", e);
        }
    }
}
