package org.lectern.node.cluster;

import java.util.LinkedHashMap;
import java.util.Map;
import org.lectern.shared.cluster.ClusterStructures;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where operators' consoles find the parts a node knows of but a console cannot discover by itself; published,
 * signed, in {@code lectern.published-config}. Blank values are not published. Passwords never are: the operator
 * types them in the console.
 *
 * @param brokerJmxUrl      the broker's JMX service URL ({@code service:jmx:rmi:///jndi/rmi://host:port/jmxrmi})
 * @param brokerJmxUser     the broker's JMX user
 * @param balancerStats     HAProxy's stats page ({@code host:port} or a full {@code http(s)://…} URI)
 * @param balancerStatsUser the stats page's user
 */
@ConfigurationProperties("lectern.console")
public record ConsoleProperties(
        @DefaultValue("") String brokerJmxUrl,
        @DefaultValue("") String brokerJmxUser,
        @DefaultValue("") String balancerStats,
        @DefaultValue("") String balancerStatsUser) {

    /** The non-blank values, by their key in {@link ClusterStructures#PUBLISHED_CONFIG}. */
    Map<String, String> published() {
        Map<String, String> published = new LinkedHashMap<>();
        put(published, ClusterStructures.BROKER_JMX_URL, brokerJmxUrl);
        put(published, ClusterStructures.BROKER_JMX_USER, brokerJmxUser);
        put(published, ClusterStructures.BALANCER_STATS, balancerStats);
        put(published, ClusterStructures.BALANCER_STATS_USER, balancerStatsUser);
        return published;
    }

    private static void put(Map<String, String> published, String key, String value) {
        if (value != null && !value.isBlank()) {
            published.put(key, value.strip());
        }
    }
}
