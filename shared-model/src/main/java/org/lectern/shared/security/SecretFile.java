package org.lectern.shared.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.function.Supplier;

/**
 * A secret kept in a file only its owner reads, created by whichever process asks first. Nodes sharing a
 * directory may start at the same moment, so the file appears at once with all its content: it is written
 * under a temporary name in the same directory and then published under its own name.
 */
public final class SecretFile {

    private static final SecureRandom RANDOM = new SecureRandom();

    private SecretFile() {
    }

    /**
     * The text of {@code file}; when there is none yet, {@code content} is written there first. Every caller
     * gets the same text, whoever created the file.
     */
    public static String readOrCreate(Path file, Supplier<String> content) throws IOException {
        if (Files.notExists(file)) {
            Path directory = file.toAbsolutePath().getParent();
            Files.createDirectories(directory);
            Path temporary = ownerOnlyTemporaryFile(directory, file.getFileName().toString());
            try {
                Files.writeString(temporary, content.get(), StandardCharsets.UTF_8);
                publish(temporary, file);
            } finally {
                Files.deleteIfExists(temporary);
            }
        }
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    /** {@code bytes} random bytes in base64: what our secrets are made of. */
    public static String randomBase64(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getEncoder().encodeToString(random);
    }

    /**
     * A hard link fails when the name is taken, so the first process wins and the others read its file. A move
     * would replace a file another process has already read; it is only the fallback for file systems
     * without links, and then only atomic.
     */
    private static void publish(Path temporary, Path file) throws IOException {
        try {
            Files.createLink(file, temporary);
        } catch (FileAlreadyExistsException raced) {
            // another process created it first: use theirs
        } catch (UnsupportedOperationException | FileSystemException noLinks) {
            if (Files.exists(file)) {
                return;
            }
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("Cannot create " + file + " atomically", e);
            }
        }
    }

    private static Path ownerOnlyTemporaryFile(Path directory, String name) throws IOException {
        try {
            return Files.createTempFile(directory, "." + name + ".", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            return Files.createTempFile(directory, "." + name + ".", ".tmp");
        }
    }
}
