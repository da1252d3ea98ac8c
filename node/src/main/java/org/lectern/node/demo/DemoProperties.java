package org.lectern.node.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param seedAccounts create the demo accounts and courses in an empty database
 * @param password     the password every demo account gets
 */
@ConfigurationProperties("lectern.demo")
public record DemoProperties(@DefaultValue("false") boolean seedAccounts, @DefaultValue("demo") String password) {
}
