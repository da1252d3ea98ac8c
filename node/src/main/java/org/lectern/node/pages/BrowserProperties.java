package org.lectern.node.pages;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the browser client.
 *
 * @param autosaveInterval how often the exam page saves the answer being edited (besides on navigation)
 */
@ConfigurationProperties("lectern.browser")
record BrowserProperties(@DefaultValue("30s") Duration autosaveInterval) {
}
