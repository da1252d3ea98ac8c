package org.lectern.node.messaging;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class BrokerCredentialsConfiguration {

    @Bean
    BrokerCredentials brokerCredentials(BrokerProperties properties) {
        return BrokerCredentials.from(properties);
    }
}
