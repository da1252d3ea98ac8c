package org.lectern.node.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Saves made during a live quiz or an exam, kept in a cluster map with one synchronous backup until they are in
 * the database. Appends to one participation are atomic cluster-wide (they run on the partition that owns it), so
 * versions stay gap-free and a retry is recognised on whichever node it arrives.
 *
 * <p>Where split-brain protection covers the map, a member cut off from most of the cluster refuses appends and
 * marks with {@link ClusterMinorityException}; nothing is written then.
 */
public interface LiveSubmissions {

    /**
     * Appends {@code draft} under the participation's next version, or answers the save made earlier with the same
     * idempotency key. Returns once the owner and its backup hold it.
     *
     * @param databaseLatestVersion what the database holds for the participation: needed only when the map has
     *                              no entry for it (then the outcome says {@code needsDatabase}); empty otherwise
     */
    LiveSaveOutcome append(LiveSave draft, OptionalInt databaseLatestVersion);

    /** The participation's newest save while the map holds it (in the database or not yet). */
    Optional<LiveSave> latest(long participationId);

    /** Saves not yet in the database, of participations whose primary copy is on this member, by participation. */
    Map<Long, List<LiveSave>> localPending();

    /** The participation holding the save with this submission id, if the map holds it (a cluster-wide query). */
    Optional<Long> participationOf(long submissionId);

    /** The participation's saves not yet in the database, version ascending; empty if none or unknown. */
    List<LiveSave> pending(long participationId);

    /**
     * The pending saves of many participations in one cluster round trip (a quiz's evaluation); participations
     * with nothing pending are absent.
     */
    Map<Long, List<LiveSave>> pending(Collection<Long> participationIds);

    /**
     * Records that these saves of the participation are in the database. By the saves' ids, so a save renumbered
     * meanwhile (a merge after a split) is not taken for one of them.
     */
    void markStored(long participationId, List<LiveSave> saves);

    /** {@link #markStored(long, List)} for many participations at once, in one cluster round trip. */
    void markStored(Map<Long, List<LiveSave>> saves);

    /**
     * Aligns the participation with what the database holds after the database refused one of its pending saves'
     * versions (the halves of a split wrote under the same numbers): saves the database has take its version and
     * count as stored; the others follow the highest version known.
     *
     * @param databaseVersions idempotency key to version of every row the database holds for the participation
     */
    void rebase(long participationId, Map<String, Integer> databaseVersions);

    /** Forgets local participations with nothing pending and no save for longer than {@code idle}. */
    int forgetIdle(Duration idle);

    /** Saves on this member not yet in the database. */
    long localPendingCount();

    /** When the oldest save this member owns that is not yet in the database was made; empty if none is pending. */
    Optional<Instant> oldestLocalPending();

    /** Waits until every partition this member owns has its backups in sync; true if so within {@code timeout}. */
    boolean awaitLocalMemberSafe(Duration timeout);
}
