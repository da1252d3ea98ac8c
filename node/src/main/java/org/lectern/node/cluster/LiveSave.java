package org.lectern.node.cluster;

import java.time.Instant;

/**
 * One save of a participation's work as the live-submissions map keeps it: everything the database row will hold,
 * decided before the save is acknowledged (id, version, the server's time). Content fields are null once the save
 * is in the database and a newer one exists: the map then keeps only what answers a retry.
 *
 * @param version 0 in a draft handed to {@link LiveSubmissions#append}, which assigns the next version
 */
public record LiveSave(long id, long participationId, int version, String idempotencyKey, Instant savedAt,
        boolean submitted, Long authorId, String text, String filePath, String fileName, Long fileSizeBytes) {

    LiveSave withVersion(int newVersion) {
        return new LiveSave(id, participationId, newVersion, idempotencyKey, savedAt, submitted, authorId, text,
                filePath, fileName, fileSizeBytes);
    }

    /** The save without its content: what a stored save needs to answer a retry. */
    LiveSave withoutContent() {
        return new LiveSave(id, participationId, version, idempotencyKey, savedAt, submitted, authorId, null, null,
                null, null);
    }
}
