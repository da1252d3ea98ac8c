package org.lectern.node.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lectern.node.support.NodeIntegrationTest;
import org.lectern.node.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** Metrics reveal load and users: only the configured scrapers (default: loopback) may read them. */
class MetricsAccessIT extends NodeIntegrationTest {

    @Autowired
    private WebApplicationContext context;

    @Autowired
    private TestData data;

    private MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    @Test
    void shouldServePrometheusMetricsToLoopback() throws Exception {
        assertThat(metricsForLoopback()).contains("jvm_memory_used_bytes");
    }

    @Test
    void shouldNotObserveSpringSecuritysFiltersOnEveryRequest() throws Exception {
        mvc.perform(get("/actuator/health/liveness").with(from("127.0.0.1"))).andExpect(status().isOk());

        assertThat(metricsForLoopback()).contains("jvm_memory_used_bytes").doesNotContain("spring_security_");
    }

    @Test
    void shouldNotTimeEveryRepositoryCall() throws Exception {
        data.newCourse();

        assertThat(metricsForLoopback()).contains("hikaricp_connections_acquire")
                .doesNotContain("spring_data_repository_");
    }

    @Test
    void shouldRefusePrometheusMetricsToAnAddressNotAllowed() throws Exception {
        mvc.perform(get("/actuator/prometheus").with(from("10.1.2.3")))
                .andExpect(status().isForbidden())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void shouldServeHealthProbesToAnyAddress() throws Exception {
        mvc.perform(get("/actuator/health/liveness").with(from("10.1.2.3"))).andExpect(status().isOk());
        mvc.perform(get("/actuator/health/readiness").with(from("10.1.2.3"))).andExpect(status().isOk());
    }

    @Test
    void shouldRefuseOtherActuatorEndpoints() throws Exception {
        mvc.perform(get("/actuator/env").with(from("127.0.0.1"))).andExpect(status().isForbidden());
    }

    private String metricsForLoopback() throws Exception {
        return mvc.perform(get("/actuator/prometheus").with(from("127.0.0.1")))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }
}
