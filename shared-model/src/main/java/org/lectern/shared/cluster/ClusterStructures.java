package org.lectern.shared.cluster;

/**
 * Names of the distributed structures that node and console share. One list, so neither side guesses.
 */
public final class ClusterStructures {

    /** Default Hazelcast cluster name, when the operator configures none. */
    public static final String DEFAULT_CLUSTER_NAME = "lectern";

    /** Default port of a node's Hazelcast member. */
    public static final int DEFAULT_MEMBER_PORT = 5701;

    /** Map of node id to {@link NodeStatus}; entries expire when a node stops publishing. */
    public static final String NODE_STATUS = "lectern.node-status";

    /**
     * Map of live submissions (saves during a live quiz or an exam) not yet known to be in the database; one
     * synchronous backup on another member. Its owned and backup entry counts per member are the console's
     * "is every answer stored twice" answer.
     */
    public static final String LIVE_SUBMISSIONS = "lectern.live-submissions";

    /** Map with one entry, {@link #SCHEDULER_OWNER_KEY}, holding the current {@link org.lectern.shared.scheduling.SchedulerOwnership}. */
    public static final String SCHEDULER_OWNER = "lectern.scheduler-owner";

    /** The one key of {@link #SCHEDULER_OWNER}. */
    public static final String SCHEDULER_OWNER_KEY = "owner";

    /** Map of epoch to {@link org.lectern.shared.scheduling.SchedulerOwnership}: who owned the scheduler when. */
    public static final String SCHEDULER_HISTORY = "lectern.scheduler-history";

    /** Map of task id to {@link org.lectern.shared.scheduling.ScheduledTaskView}, kept by the scheduler owner. */
    public static final String SCHEDULED_TASKS = "lectern.scheduled-tasks";

    /** Map of node id to its operator-set weight ({@code Integer}); also stored in the database. */
    public static final String NODE_WEIGHTS = "lectern.node-weights";

    /** Map of {@link org.lectern.shared.settings.ClusterSetting#key()} to value; also stored in the database. */
    public static final String CLUSTER_SETTINGS = "lectern.cluster-settings";

    /** Map of command id to {@link org.lectern.shared.operations.OperatorCommand}: how an operator orders nodes. */
    public static final String OPERATOR_COMMANDS = "lectern.operator-commands";

    /** Map of command id to {@link org.lectern.shared.operations.CommandResult}: how nodes answer. */
    public static final String COMMAND_RESULTS = "lectern.command-results";

    /** Map of command id to {@link org.lectern.shared.operations.AuditEntry}: recent audit lines (the database keeps all). */
    public static final String AUDIT_LOG = "lectern.audit-log";

    /** Reliable topic of {@link ClusterEvent}s for the console's timeline. */
    public static final String EVENTS = "lectern.events";

    /**
     * Map of configuration the nodes publish for consoles ({@code String} to {@code String}), e.g.
     * {@link #BROKER_JMX_URL}.
     */
    public static final String PUBLISHED_CONFIG = "lectern.published-config";

    /** Key in {@link #PUBLISHED_CONFIG}: the broker's JMX service URL. */
    public static final String BROKER_JMX_URL = "broker.jmx-url";

    /** Key in {@link #PUBLISHED_CONFIG}: the user for the broker's JMX. */
    public static final String BROKER_JMX_USER = "broker.jmx-user";

    /**
     * Key in {@link #PUBLISHED_CONFIG}: the HAProxy stats address ({@code host:port} or a full {@code http(s)://…}
     * URI) when the nodes know one.
     */
    public static final String BALANCER_STATS = "balancer.stats";

    /** Key in {@link #PUBLISHED_CONFIG}: the user of HAProxy's stats page; its password is typed, never published. */
    public static final String BALANCER_STATS_USER = "balancer.stats-user";

    private ClusterStructures() {
    }
}
