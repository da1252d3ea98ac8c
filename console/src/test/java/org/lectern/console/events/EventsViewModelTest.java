package org.lectern.console.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.lectern.shared.cluster.ClusterEvent;
import org.lectern.shared.cluster.ClusterEventKind;
import org.lectern.shared.cluster.EventSeverity;

class EventsViewModelTest {

    private final EventsViewModel viewModel = new EventsViewModel(ZoneOffset.UTC);

    private static ClusterEvent event(String id, EventSeverity severity) {
        return new ClusterEvent(id, 3_600_000, ClusterEventKind.MEMBER_LEFT, severity, "node-a", "gone");
    }

    @Test
    void shouldListNewestFirst() {
        viewModel.add(event("1", EventSeverity.INFO));
        viewModel.add(event("2", EventSeverity.INFO));

        assertThat(viewModel.events()).extracting(EventRow::id).containsExactly("2", "1");
        assertThat(viewModel.events().get(0).at()).isEqualTo("01:00:00");
    }

    @Test
    void shouldAlertOnlyWhenEventNeedsAttention() {
        viewModel.add(event("1", EventSeverity.INFO));
        assertThat(viewModel.alertProperty().get()).isNull();

        viewModel.add(event("2", EventSeverity.CRITICAL));

        assertThat(viewModel.alertProperty().get().id()).isEqualTo("2");
        assertThat(viewModel.alertsProperty().get()).isEqualTo(1);
    }

    @Test
    void shouldIgnoreEventDeliveredTwice() {
        viewModel.add(event("1", EventSeverity.WARNING));
        viewModel.add(event("1", EventSeverity.WARNING));

        assertThat(viewModel.events()).hasSize(1);
        assertThat(viewModel.alertsProperty().get()).isEqualTo(1);
    }

    @Test
    void shouldDropOldestWhenFull() {
        for (int i = 0; i <= EventsViewModel.CAPACITY; i++) {
            viewModel.add(event(Integer.toString(i), EventSeverity.INFO));
        }

        assertThat(viewModel.events()).hasSize(EventsViewModel.CAPACITY);
        assertThat(viewModel.events().get(EventsViewModel.CAPACITY - 1).id()).isEqualTo("1");
    }
}
