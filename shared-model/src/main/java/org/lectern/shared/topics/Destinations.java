package org.lectern.shared.topics;

/**
 * STOMP destinations clients subscribe to. Each names the audience it is for; the full registry with access
 * rules grows here as the real-time layer does.
 */
public final class Destinations {

    /** Prefix of destinations that address the connected user only, wherever in the cluster they are. */
    public static final String USER_PREFIX = "/user";

    /**
     * A user's personal notifications. Subscribed as {@code /user/queue/notifications}; only the user
     * themselves receives what is sent here.
     */
    public static final String PERSONAL_NOTIFICATIONS = "/queue/notifications";

    /**
     * The cluster-wide settings as a {@code SettingsView}, sent whenever an operator changes one; any logged-in
     * user may subscribe.
     */
    public static final String SETTINGS = "/topic/settings";

    private Destinations() {
    }

    /** The destination a client subscribes to for a personal destination such as {@link #PERSONAL_NOTIFICATIONS}. */
    public static String subscriptionFor(String personalDestination) {
        return USER_PREFIX + personalDestination;
    }
}
