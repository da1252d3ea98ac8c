package org.lectern.node.exercise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lectern.node.web.NotFoundException;
import org.springframework.util.unit.DataSize;

class FileStorageTest {

    @TempDir
    Path temporary;

    Path root;

    @BeforeEach
    void setUp() {
        root = temporary.resolve("store");
    }

    FileStorage storage() {
        return new FileStorage(new StorageProperties(root, DataSize.ofMegabytes(1)));
    }

    @Test
    void shouldMakeStoredNamesSafe() {
        assertThat(FileStorage.storedName("..\\..\\win\\über file.PDF")).isEqualTo("_ber_file.PDF");
        assertThat(FileStorage.storedName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(FileStorage.storedName("...")).isEqualTo("file");
        assertThat(FileStorage.storedName(null)).isEqualTo("file");
        assertThat(FileStorage.storedName("a".repeat(300) + ".pdf")).hasSize(100).endsWith(".pdf");
    }

    @Test
    void shouldReadTheExtensionOfTheLastSegmentInLowerCase() {
        assertThat(FileStorage.extensionOf("x/y/Report.PNG")).isEqualTo("png");
        assertThat(FileStorage.extensionOf("archive.tar.GZ")).isEqualTo("gz");
        assertThat(FileStorage.extensionOf("dir.pdf/README")).isEmpty();
    }

    @Test
    void shouldStoreUnderTheParticipationAndLeaveNoTemporaryFile() throws IOException {
        FileStorage.StoredFile stored = storage().store(7, 9, "a.pdf", new ByteArrayInputStream(new byte[10]), 10);

        assertThat(stored.relativePath()).startsWith("exercises/7/participations/9/").endsWith("-a.pdf");
        assertThat(stored.size()).isEqualTo(10);
        assertThat(filesIn(root.resolve("exercises/7/participations/9"))).singleElement()
                .isEqualTo(root.resolve(stored.relativePath()));
    }

    @Test
    void shouldRemoveThePartialFileWhenTheStreamExceedsTheLimit() throws IOException {
        assertThatThrownBy(() -> storage().store(7, 9, "a.pdf", new ByteArrayInputStream(new byte[11]), 10))
                .isInstanceOf(ContentTooLargeException.class);
        assertThat(filesIn(root.resolve("exercises/7/participations/9"))).isEmpty();
    }

    @Test
    void shouldNotLocateFilesOutsideTheStorageDirectory() throws IOException {
        Files.writeString(temporary.resolve("outside"), "secret");

        assertThatThrownBy(() -> storage().locate("../outside"))
                .isInstanceOf(NotFoundException.class);
    }

    private static List<Path> filesIn(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.toList();
        }
    }
}
