package org.lectern.node.security;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How users and scrapers are let in.
 *
 * @param tokenSecret            base64 of at least 32 random bytes signing login tokens; every node of a cluster
 *                               needs the same one. Blank: read from (or created in) {@code tokenSecretFile}
 * @param tokenSecretFile        where a single node keeps its generated secret
 * @param tokenValidity          how long a login lasts
 * @param metricsAllowedAddresses addresses or CIDR ranges allowed to read {@code /actuator/prometheus}
 */
@Validated
@ConfigurationProperties("lectern.security")
public record SecurityProperties(
        @DefaultValue("") String tokenSecret,
        @NotNull Path tokenSecretFile,
        @DefaultValue("8h") Duration tokenValidity,
        @DefaultValue({"127.0.0.0/8", "::1"}) @NotEmpty List<String> metricsAllowedAddresses) {
}
