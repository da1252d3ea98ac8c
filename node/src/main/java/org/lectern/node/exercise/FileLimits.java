package org.lectern.node.exercise;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.lectern.node.web.InvalidRequestException;
import org.springframework.stereotype.Component;

/**
 * The file limits of a file upload exercise (course or exam): accepted extensions and the largest file, within the
 * server's {@code lectern.storage.max-file-size}. Apart from {@link FileSubmissions} so that features defining
 * exercises need not depend on saving submissions.
 */
@Component
public class FileLimits {

    private final StorageProperties storage;

    FileLimits(StorageProperties storage) {
        this.storage = storage;
    }

    /** Sets a file upload exercise's accepted extensions and largest file (the server's limit when none). */
    public void applyLimits(Exercise exercise, String requestedExtensions, Long requestedMaxBytes) {
        exercise.setFileLimits(extensions(requestedExtensions), maxFileSize(requestedMaxBytes));
    }

    /** "PDF, .png" becomes "pdf,png"; a file upload exercise must name at least one type. */
    private static String extensions(String requested) {
        if (requested == null || requested.isBlank()) {
            throw new InvalidRequestException("A file upload exercise needs fileExtensions, e.g. \"pdf,png\".");
        }
        String normalized = Arrays.stream(requested.split(","))
                .map(extension -> extension.strip().toLowerCase(Locale.ROOT).replaceFirst("^\\.", ""))
                .filter(extension -> !extension.isEmpty())
                .distinct()
                .collect(Collectors.joining(","));
        if (!normalized.matches("[a-z0-9]{1,10}(,[a-z0-9]{1,10})*")) {
            throw new InvalidRequestException("fileExtensions must be a comma-separated list of letters and digits.");
        }
        return normalized;
    }

    private long maxFileSize(Long requested) {
        long configured = storage.maxFileSize().toBytes();
        if (requested == null) {
            return configured;
        }
        if (requested > configured) {
            throw new InvalidRequestException("maxFileSizeBytes may be at most " + configured + " on this server.");
        }
        return requested;
    }

    /** The largest file the exercise accepts. */
    long maxBytes(Exercise exercise) {
        return exercise.getMaxFileSizeBytes() != null ? exercise.getMaxFileSizeBytes()
                : storage.maxFileSize().toBytes();
    }
}
