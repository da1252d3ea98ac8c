package org.lectern.node.exercise;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Where uploaded files live.
 *
 * @param dir         a directory every node of the cluster shares (a network file system for several machines)
 * @param maxFileSize the largest file any exercise may accept; an exercise may set a lower limit. Keep
 *                    {@code spring.servlet.multipart.max-file-size} equal to it
 */
@Validated
@ConfigurationProperties("lectern.storage")
record StorageProperties(@NotNull Path dir, @DefaultValue("10MB") DataSize maxFileSize) {
}
