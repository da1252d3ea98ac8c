package org.lectern.node.cluster;

import java.util.Arrays;
import java.util.Comparator;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The database schema version this node's build needs: its latest Flyway migration. Nodes of one cluster must agree
 * on it (thesis 4.8.3), so the member publishes it and refuses a cluster that runs another.
 */
@Component
public class SchemaVersion {

    private final String current;

    /**
     * @param override for tests only: the version to report instead of the build's ({@code
     *                 lectern.testing.schema-version}), so a test can start a node "of another version"
     */
    SchemaVersion(ObjectProvider<Flyway> flyway, @Value("${lectern.testing.schema-version:}") String override) {
        this.current = override.isBlank() ? latest(flyway.getIfAvailable()) : override;
    }

    public String current() {
        return current;
    }

    /**
     * The highest version among the migrations the build carries; migrations only the database knows (applied by a
     * newer build) do not count, nor do repeatable ones, which have no version.
     */
    static String latest(Flyway flyway) {
        if (flyway == null) {
            return "none";
        }
        return Arrays.stream(flyway.info().all())
                .filter(migration -> migration.getVersion() != null && migration.getState().isResolved())
                .map(MigrationInfo::getVersion)
                .max(Comparator.naturalOrder())
                .map(version -> version.getVersion())
                .orElse("none");
    }
}
