package org.lectern.node.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
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
 * @param loginAttempts          how many failed logins are tolerated before the login answers 429
 */
@Validated
@ConfigurationProperties("lectern.security")
public record SecurityProperties(
        @DefaultValue("") String tokenSecret,
        @NotNull Path tokenSecretFile,
        @DefaultValue("8h") Duration tokenValidity,
        @DefaultValue({"127.0.0.0/8", "::1"}) @NotEmpty List<String> metricsAllowedAddresses,
        @DefaultValue @Valid LoginAttempts loginAttempts) {

    /**
     * Failed logins allowed per {@code period} and node, refilled gradually over it.
     *
     * @param perUsername failed attempts at one username, from anywhere
     * @param perAddress  failed attempts from one client address, at any usernames
     * @param period      the time in which a full allowance refills
     * @param maxTracked  how many usernames and how many addresses are tracked at most (each); beyond that the
     *                    least recently seen are forgotten, so sprayed usernames cannot exhaust memory
     */
    public record LoginAttempts(
            @DefaultValue("5") @Min(1) int perUsername,
            @DefaultValue("20") @Min(1) int perAddress,
            @DefaultValue("1m") Duration period,
            @DefaultValue("100000") @Min(100) int maxTracked) {
    }
}
