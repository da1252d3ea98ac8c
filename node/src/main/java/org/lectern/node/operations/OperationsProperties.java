package org.lectern.node.operations;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How this node checks operator commands.
 *
 * @param credential     base64 of at least 32 random bytes that operators sign commands with; every node of a
 *                       cluster and every operator's console needs the same one. Blank: read from (or created in)
 *                       {@code credentialFile}
 * @param credentialFile where a node keeps its generated credential, for the operator to copy to the console
 * @param maxCommandAge  older commands are refused, so a recorded command cannot be replayed later
 * @param maxClockSkew   how far in the future a command may be dated (clocks of console and node differ a little)
 */
@Validated
@ConfigurationProperties("lectern.operations")
public record OperationsProperties(
        @DefaultValue("") String credential,
        @NotNull Path credentialFile,
        @DefaultValue("2m") Duration maxCommandAge,
        @DefaultValue("30s") Duration maxClockSkew) {
}
