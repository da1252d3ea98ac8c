package org.lectern.node.exercise;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.lectern.node.web.InvalidRequestException;
import org.springframework.core.io.InputStreamSource;
import org.springframework.stereotype.Service;

/**
 * Files handed in as submissions, for course exercises and exam exercises alike: the checks of an upload against
 * the exercise's {@link FileLimits}, and storing it as a new version. Holds no transaction: the file is streamed to
 * disk without a database connection, and the version is saved in {@link SubmissionService}'s own transaction.
 */
@Service
public class FileSubmissions {

    private final FileStorage files;
    private final FileLimits limits;
    private final SubmissionService submissions;

    FileSubmissions(FileStorage files, FileLimits limits, SubmissionService submissions) {
        this.files = files;
        this.limits = limits;
        this.submissions = submissions;
    }

    /** Checks an upload's name and declared size against the exercise before anything is written. */
    public void check(Exercise exercise, String originalName, long declaredSize) {
        if (exercise.getType() != ExerciseType.FILE_UPLOAD) {
            throw new InvalidRequestException("Exercise " + exercise.getId() + " takes no file upload.");
        }
        String extension = FileStorage.extensionOf(originalName);
        String allowed = exercise.getFileExtensions() == null ? "" : exercise.getFileExtensions();
        if (extension.isEmpty() || Arrays.stream(allowed.split(",")).noneMatch(extension::equals)) {
            throw new InvalidRequestException("Exercise " + exercise.getId() + " accepts only files of the types "
                    + allowed + ".");
        }
        if (declaredSize == 0) {
            throw new InvalidRequestException("The file is empty.");
        }
        if (declaredSize > limits.maxBytes(exercise)) {
            throw new ContentTooLargeException("The file is larger than the exercise allows ("
                    + limits.maxBytes(exercise) + " bytes).");
        }
    }

    /** An upload written to disk and not yet saved as a version: saved with {@link #save}, or {@link #discard}ed. */
    public record WrittenFile(String relativePath, long size, String displayName) {
    }

    /** Writes the upload to disk, counting its bytes against the exercise's limit again while it is written. */
    public WrittenFile write(Exercise exercise, long participationId, String originalName,
            InputStreamSource content) {
        FileStorage.StoredFile stored;
        try (InputStream in = content.getInputStream()) {
            stored = files.store(exercise.getId(), participationId, originalName, in, limits.maxBytes(exercise));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String displayName = FileStorage.baseName(originalName);
        return new WrittenFile(stored.relativePath(), stored.size(),
                displayName.substring(0, Math.min(displayName.length(), 255)));
    }

    /**
     * Saves a written file as the participation's next version ({@code submitted}: a course exercise's hand-in,
     * not an exam's save while working). The file is removed again when the save fails, or when a concurrent retry
     * with the same key won (its file is the one that counts).
     */
    public SavedSubmission save(WrittenFile file, long participationId, String idempotencyKey, boolean submitted,
            long authorId) {
        SavedSubmission saved;
        try {
            saved = submissions.save(participationId, SubmissionContent.ofFile(file.relativePath(),
                    file.displayName(), file.size()), idempotencyKey, submitted, authorId);
        } catch (RuntimeException e) {
            discard(file);
            throw e;
        }
        if (saved.replayed()) {
            discard(file);
        }
        return saved;
    }

    public void discard(WrittenFile file) {
        files.delete(file.relativePath());
    }
}
