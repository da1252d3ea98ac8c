package org.lectern.node.cluster;

/**
 * What {@link LiveSubmissions#append} did.
 *
 * @param save          the save as kept (new, or the first one with the same idempotency key); null when
 *                      {@code needsDatabase}
 * @param replayed      true if a save with the same idempotency key existed, so nothing was written
 * @param needsDatabase true if the map knew nothing of the participation and the caller must say what the
 *                      database holds ({@link LiveSubmissions#append} with a latest version); nothing was written
 */
public record LiveSaveOutcome(LiveSave save, boolean replayed, boolean needsDatabase) {

    static final LiveSaveOutcome NEEDS_DATABASE = new LiveSaveOutcome(null, false, true);
}
