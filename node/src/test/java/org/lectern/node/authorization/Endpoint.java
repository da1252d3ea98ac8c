package org.lectern.node.authorization;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * One row of the access matrix: an endpoint (as its controller maps it), the objects of the world it is called on,
 * who may call it, and how everyone else is refused. By default a refused caller gets 401 without a login and 403
 * with one; {@link #notFoundFor} marks the callers for whom the target does not exist ("not visible to you").
 */
final class Endpoint {

    final String method;
    final String pattern;
    final String target;
    final Function<World, Call> call;
    private final Set<Caller> allowed = EnumSet.noneOf(Caller.class);
    private final Map<Caller, Integer> refusal = new EnumMap<>(Caller.class);
    private final Map<Caller, List<Function<World, String>>> secrets = new EnumMap<>(Caller.class);

    private Endpoint(String method, String pattern, String target, Function<World, Call> call) {
        this.method = method;
        this.pattern = pattern;
        this.target = target;
        this.call = call;
    }

    /**
     * @param mapping the controller's mapping, e.g. {@code "GET /api/submissions/{submissionId}"}
     * @param target  what the call is made on, in words (shown in the test name)
     */
    static Endpoint endpoint(String mapping, String target, Function<World, Call> call) {
        String[] parts = mapping.split(" ", 2);
        return new Endpoint(parts[0], parts[1], target, call);
    }

    Endpoint allow(Set<Caller> callers) {
        allowed.addAll(callers);
        return this;
    }

    Endpoint allow(Caller... callers) {
        return allow(Set.of(callers));
    }

    /** These callers are refused with 404: for them the target does not exist. */
    Endpoint notFoundFor(Caller... callers) {
        for (Caller caller : callers) {
            refusal.put(caller, 404);
        }
        return this;
    }

    /** An allowed caller's answer must not contain this (another user's data, a solution, a hidden object). */
    Endpoint hiding(Function<World, String> secret, Caller... callers) {
        for (Caller caller : callers) {
            secrets.computeIfAbsent(caller, c -> new ArrayList<>()).add(secret);
        }
        return this;
    }

    boolean allows(Caller caller) {
        return allowed.contains(caller);
    }

    /** The one status a refused caller must get. */
    int refusalFor(Caller caller) {
        if (caller == Caller.ANONYMOUS) {
            return 401;
        }
        return refusal.getOrDefault(caller, 403);
    }

    List<Function<World, String>> secretsFor(Caller caller) {
        return secrets.getOrDefault(caller, List.of());
    }

    String caseName(Caller caller) {
        return method + " " + pattern + " [" + target + "] as " + caller
                + (allows(caller) ? " → allowed" : " → denied " + refusalFor(caller));
    }

    @Override
    public String toString() {
        return method + " " + pattern + " [" + target + "]";
    }
}
