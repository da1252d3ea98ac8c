package org.lectern.node.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.lectern.node.support.MutableClock;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/** A node with every request slot taken answers 503 with Retry-After at once; with a slot free, it serves. */
class AdmissionFilterTest {

    private static final AdmissionProperties TWO_SLOTS = new AdmissionProperties(2, Duration.ofSeconds(1),
            Duration.ofSeconds(4), Duration.ofSeconds(10), 1);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T09:01:00Z"));
    private final AdmissionLimiter limiter = new AdmissionLimiter(TWO_SLOTS, clock);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final AdmissionFilter filter = new AdmissionFilter(limiter, TWO_SLOTS, JsonMapper.builder().build(),
            meters);

    @Nested
    class WhenEverySlotIsTaken {

        @Test
        void shouldAnswer503WithAJitteredRetryAfterAndAProblem() throws Exception {
            takeEverySlot();
            MockFilterChain chain = new MockFilterChain();
            MockHttpServletResponse response = new MockHttpServletResponse();

            filter.doFilter(request("/api/auth/login"), response, chain);

            assertThat(response.getStatus()).isEqualTo(503);
            assertThat(Long.parseLong(response.getHeader("Retry-After"))).isBetween(1L, 4L);
            assertThat(response.getContentType()).isEqualTo("application/problem+json");
            assertThat(response.getContentAsString()).contains("\"status\":503", "\"instance\":\"/api/auth/login\"");
            assertThat(chain.getRequest()).as("the request went no further").isNull();
            assertThat(meters.counter(AdmissionFilter.REFUSED_METER, "slots", "requests").count()).isEqualTo(1);
        }

        @Test
        void shouldSpreadRetryAfterOverTheConfiguredRangeWhenManyAreRefused() throws Exception {
            takeEverySlot();

            Set<String> seen = new HashSet<>();
            for (int i = 0; i < 200; i++) {
                MockHttpServletResponse response = new MockHttpServletResponse();
                filter.doFilter(request("/api/courses"), response, new MockFilterChain());
                seen.add(response.getHeader("Retry-After"));
            }

            assertThat(seen).containsExactlyInAnyOrder("1", "2", "3", "4");
        }

        @Test
        void shouldLetAHealthProbeThrough() throws Exception {
            takeEverySlot();
            MockFilterChain chain = new MockFilterChain();

            filter.doFilter(request("/actuator/health/liveness"), new MockHttpServletResponse(), chain);

            assertThat(chain.getRequest()).isNotNull();
        }

        @Test
        void shouldLetAWebSocketHandshakeThrough() throws Exception {
            takeEverySlot();
            MockHttpServletRequest handshake = request("/ws");
            handshake.addHeader("Upgrade", "websocket");
            MockFilterChain chain = new MockFilterChain();

            filter.doFilter(handshake, new MockHttpServletResponse(), chain);

            assertThat(chain.getRequest()).isNotNull();
        }
    }

    @Nested
    class WhenTheLoginSlotsAreTaken {

        @Test
        void shouldRefuseALoginButServeASaveWhenEveryPasswordCheckSlotIsBusy() throws Exception {
            assertThat(limiter.tryAdmitLogin()).isTrue(); // the one login slot: a password check in progress
            MockFilterChain loginChain = new MockFilterChain();
            MockHttpServletResponse login = new MockHttpServletResponse();
            MockFilterChain saveChain = new MockFilterChain();
            MockHttpServletRequest save = request("/api/exams/1/student-exam/submission");
            save.setMethod("PUT");

            filter.doFilter(request("/api/auth/login"), login, loginChain);
            filter.doFilter(save, new MockHttpServletResponse(), saveChain);

            assertThat(login.getStatus()).isEqualTo(503);
            assertThat(login.getHeader("Retry-After")).isNotNull();
            assertThat(loginChain.getRequest()).isNull();
            assertThat(saveChain.getRequest()).as("the save was served").isNotNull();
            assertThat(limiter.freeSlots()).as("both request slots given back").isEqualTo(2);
            assertThat(meters.counter(AdmissionFilter.REFUSED_METER, "slots", "logins").count()).isEqualTo(1);
        }

        @Test
        void shouldGiveTheLoginSlotBackWhenTheLoginIsDone() throws Exception {
            MockFilterChain chain = new MockFilterChain();

            filter.doFilter(request("/api/auth/login"), new MockHttpServletResponse(), chain);

            assertThat(chain.getRequest()).isNotNull();
            assertThat(limiter.tryAdmitLogin()).as("the login slot is free again").isTrue();
        }
    }

    @Nested
    class WhenASlotIsFree {

        @Test
        void shouldServeTheRequestAndGiveTheSlotBack() throws Exception {
            MockFilterChain chain = new MockFilterChain();
            MockHttpServletResponse response = new MockHttpServletResponse();

            filter.doFilter(request("/api/courses"), response, chain);

            assertThat(chain.getRequest()).isNotNull();
            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(response.getHeader("Retry-After")).isNull();
            assertThat(limiter.freeSlots()).isEqualTo(2);
        }

        @Test
        void shouldHoldTheSlotWhileTheRequestRunsAndGiveItBackWhenItFails() {
            MockFilterChain failing = new MockFilterChain(new HttpServlet() {
                @Override
                protected void service(HttpServletRequest request, HttpServletResponse response)
                        throws ServletException {
                    assertThat(limiter.freeSlots()).isEqualTo(1);
                    throw new ServletException("the handler failed");
                }
            });

            assertThatThrownBy(() -> filter.doFilter(request("/api/courses"), new MockHttpServletResponse(), failing))
                    .isInstanceOf(ServletException.class).hasMessage("the handler failed");
            assertThat(limiter.freeSlots()).isEqualTo(2);
        }
    }

    @Nested
    class Readiness {

        @Test
        void shouldNotCallABurstAnOverload() {
            takeEverySlot();
            assertThat(limiter.tryAdmit()).isFalse();

            clock.advance(Duration.ofSeconds(9));

            assertThat(limiter.overloaded()).isFalse();
        }

        @Test
        void shouldCallItOverloadedWhenRequestsAreRefusedForTheConfiguredTime() {
            takeEverySlot();
            assertThat(limiter.tryAdmit()).isFalse();

            clock.advance(Duration.ofSeconds(10));

            assertThat(limiter.overloaded()).isTrue();
            assertThat(new AdmissionHealthIndicator(limiter).health().getStatus().getCode())
                    .isEqualTo("OUT_OF_SERVICE");
        }

        @Test
        void shouldBeReadyAgainWhenASlotIsFree() {
            takeEverySlot();
            assertThat(limiter.tryAdmit()).isFalse();
            clock.advance(Duration.ofSeconds(30));

            limiter.release();

            assertThat(limiter.overloaded()).isFalse();
            assertThat(new AdmissionHealthIndicator(limiter).health().getStatus().getCode()).isEqualTo("UP");
        }

        @Test
        void shouldStartTheWaitAgainWhenARequestIsAdmittedBetweenRefusals() {
            takeEverySlot();
            assertThat(limiter.tryAdmit()).isFalse();
            clock.advance(Duration.ofSeconds(8));
            limiter.release();
            assertThat(limiter.tryAdmit()).isTrue();
            assertThat(limiter.tryAdmit()).isFalse();

            clock.advance(Duration.ofSeconds(8));

            assertThat(limiter.overloaded()).isFalse();
        }
    }

    @Test
    void shouldRefuseSettingsWhenTheRetryAfterRangeIsEmptyOrBelowOneSecond() {
        assertThatThrownBy(() -> new AdmissionProperties(2, Duration.ofSeconds(5), Duration.ofSeconds(2),
                Duration.ofSeconds(10), 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("retry-after-min <= retry-after-max");
        assertThatThrownBy(() -> new AdmissionProperties(2, Duration.ofMillis(500), Duration.ofSeconds(2),
                Duration.ofSeconds(10), 2)).isInstanceOf(IllegalArgumentException.class);
    }

    private void takeEverySlot() {
        while (limiter.tryAdmit()) {
            // taking the next slot
        }
    }

    private static MockHttpServletRequest request(String path) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        request.setRequestURI(path);
        return request;
    }
}
