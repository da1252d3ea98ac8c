package org.lectern.node.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicates;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/** {@link LastKnownRecords} in Hazelcast maps (configured in {@link HazelcastMemberConfiguration}). */
@Component
class HazelcastLastKnownRecords implements LastKnownRecords {

    /**
     * A lock outlives its holder's action by no more than this: the action is one live save (milliseconds), and a
     * holder stuck longer must not keep a student's saves out for good.
     */
    private static final long LOCK_LEASE_SECONDS = 10;

    /** Well within the maps' idle expiry of a day. */
    static final Duration REWRITE_AFTER = Duration.ofHours(1);

    private final HazelcastInstance hazelcast;
    private final Clock clock;
    /** What this node wrote last, by map and key; one small entry per user, quiz or student exam it served. */
    private final Map<String, Written> written = new ConcurrentHashMap<>();

    HazelcastLastKnownRecords(HazelcastInstance hazelcast, Clock clock) {
        this.hazelcast = hazelcast;
        this.clock = clock;
    }

    private record Written(Serializable value, Instant at) {
    }

    @Override
    public <V extends Serializable> Optional<V> get(String map, String key, Class<V> type) {
        return Optional.ofNullable(map(map).get(key)).filter(type::isInstance).map(type::cast);
    }

    @Override
    public void put(String map, String key, Serializable value) {
        written.remove(map + '/' + key);
        map(map).set(key, value);
    }

    @Override
    public void remember(String map, String key, Serializable value) {
        Instant now = clock.instant();
        Written last = written.get(map + '/' + key);
        if (last != null && last.value().equals(value) && now.isBefore(last.at().plus(REWRITE_AFTER))) {
            return;
        }
        map(map).set(key, value);
        written.put(map + '/' + key, new Written(value, now));
    }

    @Override
    public void remove(String map, String key) {
        // Forgotten first: a remember of the same value right after must write again.
        written.remove(map + '/' + key);
        map(map).delete(key);
    }

    @Override
    public void removeAll(String map, String keyPrefix) {
        written.keySet().removeIf(key -> key.startsWith(map + '/' + keyPrefix));
        // Keys are ids and colons, never the pattern's wildcards.
        map(map).removeAll(Predicates.like("__key", keyPrefix + "%"));
    }

    @Override
    public <T> T whileLocked(String map, String key, Supplier<T> action) {
        IMap<String, Serializable> records = map(map);
        records.lock(key, LOCK_LEASE_SECONDS, TimeUnit.SECONDS);
        try {
            return action.get();
        } finally {
            records.unlock(key);
        }
    }

    private IMap<String, Serializable> map(String name) {
        return hazelcast.getMap(name);
    }
}
