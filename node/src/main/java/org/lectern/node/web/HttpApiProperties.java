package org.lectern.node.web;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Limits of the HTTP API.
 *
 * @param maxRequestBytes the largest request body accepted, multipart uploads excepted (those are bounded by
 *                        {@code spring.servlet.multipart.*})
 */
@Validated
@ConfigurationProperties("lectern.web")
public record HttpApiProperties(@DefaultValue("1048576") @Min(1024) long maxRequestBytes) {
}
