package org.lectern.node.web;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import tools.jackson.databind.json.JsonMapper;

/**
 * Admission control: the limiter, its filter and its readiness contribution. Beans here rather than components, so
 * that MVC slice tests, which pick up every {@code Filter} component, stay free of it.
 */
@Configuration(proxyBeanMethods = false)
class AdmissionConfiguration {

    @Bean
    AdmissionLimiter admissionLimiter(AdmissionProperties properties, Clock clock) {
        return new AdmissionLimiter(properties, clock);
    }

    @Bean
    FilterRegistrationBean<AdmissionFilter> admissionFilter(AdmissionLimiter limiter, AdmissionProperties properties,
            JsonMapper json, MeterRegistry meters) {
        FilterRegistrationBean<AdmissionFilter> registration = new FilterRegistrationBean<>(
                new AdmissionFilter(limiter, properties, json, meters));
        // After the drain's in-flight count, before the body limit and Spring Security: nothing is spent first.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
        return registration;
    }

    @Bean(AdmissionHealthIndicator.BEAN_NAME)
    AdmissionHealthIndicator admissionHealthIndicator(AdmissionLimiter limiter) {
        return new AdmissionHealthIndicator(limiter);
    }
}
