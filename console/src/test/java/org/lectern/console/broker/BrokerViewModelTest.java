package org.lectern.console.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lectern.console.ui.SynchronousBackgroundExecutor;
import org.lectern.shared.cluster.ClusterStructures;

class BrokerViewModelTest {

    private String readFrom;
    private final BrokerSnapshot snapshot = new BrokerSnapshot("b1", "2.55.0", "3 hours", false, true, 4, 10L << 20,
            100L << 20, List.of(new AddressRow("exam", 3, 2048, true)), List.of(new QueueRow("exam", "exam", "ANYCAST", 3, 1, 2)));
    private final BrokerViewModel viewModel = new BrokerViewModel((url, user, password) -> {
        if (url.contains("down")) {
            throw new java.io.IOException("Connection refused");
        }
        readFrom = url + "|" + user + "|" + password;
        return snapshot;
    }, new SynchronousBackgroundExecutor());

    @Test
    void shouldReadPublishedAddressAndShowOverview() {
        viewModel.published(Map.of(ClusterStructures.BROKER_JMX_URL, "service:jmx:x", ClusterStructures.BROKER_JMX_USER, "admin"));
        viewModel.passwordProperty().set("pw");

        viewModel.refresh();

        assertThat(readFrom).isEqualTo("service:jmx:x|admin|pw");
        assertThat(viewModel.overviewProperty().get()).isEqualTo("Artemis 2.55.0 (b1), up 3 hours — live, replica in sync"
                + " — 4 connections — memory 10 of 100 MiB (10 %) — 1 addresses PAGING");
        assertThat(viewModel.queues()).containsExactly(snapshot.queues().get(0));
        assertThat(viewModel.problemProperty().get()).isEmpty();
    }

    @Test
    void shouldKeepTypedAddressWhenClusterPublishesAnother() {
        viewModel.jmxUrlProperty().set("service:jmx:mine");

        viewModel.published(Map.of(ClusterStructures.BROKER_JMX_URL, "service:jmx:theirs"));

        assertThat(viewModel.jmxUrlProperty().get()).isEqualTo("service:jmx:mine");
    }

    @Test
    void shouldSayWhyWhenBrokerCannotBeRead() {
        viewModel.jmxUrlProperty().set("service:jmx:down");

        viewModel.refresh();

        assertThat(viewModel.problemProperty().get()).isEqualTo("Cannot read the broker at service:jmx:down: Connection refused");
    }

    @Test
    void shouldAskForAddressWhenNoneIsKnown() {
        viewModel.refresh();

        assertThat(viewModel.problemProperty().get()).startsWith("No broker JMX address");
    }
}
