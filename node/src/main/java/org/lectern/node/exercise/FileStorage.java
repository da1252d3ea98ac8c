package org.lectern.node.exercise;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.UUID;
import org.lectern.node.web.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * Uploaded files on the directory all nodes share. A file appears under its final name only when it is complete
 * (written to a temporary file beside it, then moved atomically), so another node never reads half a file.
 */
@Component
class FileStorage {

    private static final int MAX_STORED_NAME = 100;

    private final Path root;

    FileStorage(StorageProperties properties) {
        this.root = properties.dir().toAbsolutePath().normalize();
    }

    /** A stored file: its path relative to the storage directory (with '/') and its size. */
    record StoredFile(String relativePath, long size) {
    }

    /**
     * Stores the stream as a new file of the participation, refusing it once it grows beyond {@code maxBytes}.
     *
     * @throws ContentTooLargeException if the stream is longer than {@code maxBytes}; nothing is left behind
     */
    StoredFile store(long exerciseId, long participationId, String originalName, InputStream content, long maxBytes) {
        String relativeDir = "exercises/" + exerciseId + "/participations/" + participationId;
        String relativePath = relativeDir + "/" + UUID.randomUUID() + "-" + storedName(originalName);
        Path directory = root.resolve(relativeDir);
        Path temporary = null;
        try {
            Files.createDirectories(directory);
            temporary = Files.createTempFile(directory, ".upload-", ".part");
            long size = copyAtMost(content, temporary, maxBytes);
            Files.move(temporary, root.resolve(relativePath), StandardCopyOption.ATOMIC_MOVE);
            return new StoredFile(relativePath, size);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store an upload in " + directory, e);
        } finally {
            deleteIfExists(temporary);
        }
    }

    /**
     * The stored file's location on disk.
     *
     * @throws NotFoundException if it is not (or no longer) there
     */
    Path locate(String relativePath) {
        Path file = root.resolve(relativePath).normalize();
        if (!file.startsWith(root) || !Files.isRegularFile(file)) {
            throw new NotFoundException("stored file", relativePath);
        }
        return file;
    }

    /** Removes a file that was stored but is not needed after all (its save was refused or replayed). */
    void delete(String relativePath) {
        deleteIfExists(root.resolve(relativePath).normalize());
    }

    /**
     * A name safe on every file system and inside the participation's directory: no directories, no leading dot,
     * only letters, digits, '.', '_' and '-', at most {@value #MAX_STORED_NAME} characters with the extension kept.
     */
    static String storedName(String originalName) {
        String name = baseName(originalName).replaceAll("[^A-Za-z0-9._-]", "_").replaceFirst("^\\.+", "");
        if (name.length() > MAX_STORED_NAME) {
            String extension = extensionOf(name);
            String suffix = extension.isEmpty() || extension.length() > 10 ? "" : "." + extension;
            name = name.substring(0, MAX_STORED_NAME - suffix.length()) + suffix;
        }
        return name.isEmpty() ? "file" : name;
    }

    /** The last path segment of a client's file name (browsers on Windows may send "C:\\dir\\x.pdf"). */
    static String baseName(String originalName) {
        String name = originalName == null ? "" : originalName;
        return name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1)
                .replaceAll("\\p{Cntrl}", "").strip();
    }

    /** The extension in lower case, without the dot; empty if there is none. */
    static String extensionOf(String name) {
        String base = baseName(name);
        int dot = base.lastIndexOf('.');
        return dot < 0 ? "" : base.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static long copyAtMost(InputStream content, Path target, long maxBytes) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try (InputStream in = content; OutputStream out = Files.newOutputStream(target)) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                total += read;
                if (total > maxBytes) {
                    throw new ContentTooLargeException("The file is larger than the exercise allows ("
                            + maxBytes + " bytes).");
                }
                out.write(buffer, 0, read);
            }
        }
        return total;
    }

    private static void deleteIfExists(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete " + file, e);
        }
    }
}
