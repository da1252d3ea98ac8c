package org.lectern.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.lectern.bench.Metrics.Kind;

/** A failed request is counted with its cause, so the report tells a refusal from a request never answered. */
class MetricsTest {

    @Test
    void shouldNameAnAnsweredFailureByItsStatus() {
        assertThat(Metrics.cause(new Api.Reply(409, "{}"), null)).isEqualTo("HTTP 409");
    }

    @Test
    void shouldNameARefusalByTheStatusInsideTheFuturesException() {
        Api.ApiException refused = new Api.ApiException("log in", new Api.Reply(401, ""));

        assertThat(Metrics.cause(null, new CompletionException(refused))).isEqualTo("HTTP 401");
    }

    @Test
    void shouldNameAnUnansweredRequestByItsErrorsKind() {
        assertThat(Metrics.cause(null, new CompletionException(new HttpTimeoutException("request timed out"))))
                .isEqualTo("HttpTimeoutException");
        assertThat(Metrics.cause(null, new ConnectException("refused"))).isEqualTo("ConnectException");
    }

    @Test
    void shouldCountFailuresByCauseTheMostFrequentFirst() {
        Metrics metrics = new Metrics(System.nanoTime());

        metrics.failed(Kind.SAVE, "HttpTimeoutException");
        metrics.failed(Kind.SAVE, "HTTP 409");
        metrics.failed(Kind.SAVE, "HTTP 409");
        metrics.failed(Kind.LOGIN, "HTTP 401");

        assertThat(metrics.failures(Kind.SAVE)).isEqualTo(3);
        assertThat(metrics.failureCauses(Kind.SAVE)).containsExactly(
                entry("HTTP 409", 2L),
                entry("HttpTimeoutException", 1L));
        assertThat(metrics.failureCauses(Kind.FLOOR)).isEmpty();
        assertThat(metrics.failuresTotal()).isEqualTo(4);
    }
}
